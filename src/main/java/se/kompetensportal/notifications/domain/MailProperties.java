package se.kompetensportal.notifications.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox sends.
 *
 * @param from         the sender address, e.g. {@code Kompetensportalen <no-reply@example.se>}
 * @param sendInterval how often the sending job looks for due mails
 * @param maxAttempts  attempts the mail server may refuse a mail before it is marked failed
 * @param claimLease   how long a message claimed for sending is reserved for the instance that claimed it; if that
 *                     instance dies before the message is marked sent, another takes it over after this time. It must
 *                     be longer than sending one message can take (the SMTP timeouts, 10 s each by default).
 */
@ConfigurationProperties("kp.mail")
public record MailProperties(String from, Duration sendInterval, Integer maxAttempts, Duration claimLease) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Kompetensportalen <no-reply@kompetensportal.invalid>" : from;
        sendInterval = sendInterval == null ? Duration.ofSeconds(10) : sendInterval;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        claimLease = claimLease == null ? Duration.ofSeconds(45) : claimLease;
    }
}
