package se.kompetensportal.shared.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data is kept ({@code kp.retention.*}); the README's "Personal data" section lists the defaults.
 * Data that belongs to a project also goes once the project's keep-until date has passed, whichever comes first.
 *
 * @param sensitiveMails   sent (or failed, cancelled) mails holding a link that works without login: login links,
 *                         evaluation and time-confirmation links
 * @param sentMails        every other mail that has left the outbox
 * @param auditLog         the personal-identity-number view log
 * @param throttling       login and link throttling rows (they hold e-mail and network addresses)
 * @param inactiveAccounts accounts without a staff role (participants, applicants, actors' contact persons) not
 *                         used for this long are anonymised
 * @param dialogFundDrafts dialog-fund applications never submitted, untouched for this long, are deleted
 * @param mergeUndo        how long a merge in the person register can be undone (and keeps what the undo needs)
 * @param batchSize        how many items one transaction of the retention job erases
 */
@ConfigurationProperties("kp.retention")
public record RetentionProperties(Duration sensitiveMails, Duration sentMails, Duration auditLog, Duration throttling,
        Duration inactiveAccounts, Duration dialogFundDrafts, Duration mergeUndo, Integer batchSize) {

    public RetentionProperties {
        sensitiveMails = sensitiveMails == null ? Duration.ofDays(7) : sensitiveMails;
        sentMails = sentMails == null ? Duration.ofDays(90) : sentMails;
        auditLog = auditLog == null ? Duration.ofDays(730) : auditLog;
        throttling = throttling == null ? Duration.ofDays(1) : throttling;
        inactiveAccounts = inactiveAccounts == null ? Duration.ofDays(3 * 365) : inactiveAccounts;
        dialogFundDrafts = dialogFundDrafts == null ? Duration.ofDays(365) : dialogFundDrafts;
        mergeUndo = mergeUndo == null ? Duration.ofDays(30) : mergeUndo;
        batchSize = batchSize == null || batchSize < 1 ? 500 : batchSize;
    }
}
