package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.notifications.MailAttachment;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The mails of the dialog fund, queued in the outbox inside the caller's transaction, in the language the applicant
 * used: the receipt on submission, the decision with its letter, the reminder about an overdue final report (once per
 * application), and the answer to a final report. The project's secretaries are told, in Swedish, when an application
 * or a final report comes in and waits for them.
 */
@Component
class DialogFundMails {

    static final String REMINDER_CATEGORY = "dialogfund.report-reminder";

    private final Outbox outbox;
    private final PortalProperties portal;
    private final Formats formats;
    private final AccountsApi accounts;

    DialogFundMails(Outbox outbox, PortalProperties portal, Formats formats, AccountsApi accounts) {
        this.outbox = outbox;
        this.portal = portal;
        this.formats = formats;
        this.accounts = accounts;
    }

    void receipt(Application a, Fund fund, String projectName, String recipient) {
        Locale locale = locale(a);
        outbox.enqueue(base(a, fund, projectName, recipient, "receipt")
                .subject("dialogfund.mail.receipt.subject", a.getReference())
                .variable("amount", amount(a.getAmountRequested(), locale))
                .category("dialogfund.receipt")
                .build());
    }

    void decision(Application a, Fund fund, String projectName, String recipient, byte[] letter) {
        Locale locale = locale(a);
        outbox.enqueue(base(a, fund, projectName, recipient, "decision")
                .subject("dialogfund.mail.decision.subject", a.getReference())
                .variable("granted", a.getStatus().isGranted())
                .variable("amount", amount(a.getGrantedAmount(), locale))
                .variable("reportDue", a.getReportDue() == null ? null : formats.date(a.getReportDue()))
                .attach(new MailAttachment(letterFilename(a), "application/pdf", letter))
                .category("dialogfund.decision")
                .build());
    }

    /** Returns false if this application's reminder was sent before. */
    boolean reportReminder(Application a, Fund fund, String projectName, String recipient) {
        return outbox.enqueue(base(a, fund, projectName, recipient, "report-reminder")
                .subject("dialogfund.mail.reminder.subject", a.getReference())
                .variable("reportDue", formats.date(a.getReportDue()))
                .category(REMINDER_CATEGORY)
                .dedupKey(REMINDER_CATEGORY + ":" + a.getId())
                .build());
    }

    void reportApproved(Application a, Fund fund, String projectName, String recipient) {
        outbox.enqueue(base(a, fund, projectName, recipient, "report-approved")
                .subject("dialogfund.mail.reportApproved.subject", a.getReference())
                .category("dialogfund.report-approved")
                .build());
    }

    void reportReturned(Application a, Fund fund, String projectName, String recipient, String comment) {
        outbox.enqueue(base(a, fund, projectName, recipient, "report-returned")
                .subject("dialogfund.mail.reportReturned.subject", a.getReference())
                .variable("comment", comment)
                .category("dialogfund.report-returned")
                .build());
    }

    /** Tells the project's secretaries that an application ({@code report} false) or its final report came in. */
    void toSecretaries(Application a, Fund fund, String projectName, boolean report) {
        for (UserSummary secretary : accounts.usersWithRole(Role.SECRETARY, fund.getProjectId())) {
            if (secretary.enabled()) {
                staffNotice(a, fund, projectName, secretary.email(), report);
            }
        }
    }

    private void staffNotice(Application a, Fund fund, String projectName, String recipient, boolean report) {
        String what = report ? "report" : "application";
        outbox.enqueue(OutgoingMail.to(recipient, Locale.forLanguageTag("sv"))
                .template("dialogfund/staff-notice")
                .project(fund.getProjectId())
                .subject("dialogfund.mail.staff." + what + ".subject", a.getReference())
                .variable("report", report)
                .variable("reference", a.getReference())
                .variable("title", a.getTitle() == null ? "" : a.getTitle())
                .variable("organisation", a.getOrganisationName() == null ? "" : a.getOrganisationName())
                .variable("projectName", projectName)
                .variable("year", fund.getYear())
                .variable("link", portal.link("/admin/dialog-fund/applications/" + a.getId()))
                .category("dialogfund.staff-" + what)
                .build());
    }

    static String letterFilename(Application a) {
        return "beslut-" + a.getReference() + ".pdf";
    }

    static Locale locale(Application a) {
        return Locale.forLanguageTag(a.getLocale());
    }

    private OutgoingMail.Builder base(Application a, Fund fund, String projectName, String recipient,
            String template) {
        return OutgoingMail.to(recipient, locale(a))
                .template("dialogfund/" + template)
                .project(fund.getProjectId())
                .variable("name", a.getContactName())
                .variable("reference", a.getReference())
                .variable("title", a.getTitle() == null ? "" : a.getTitle())
                .variable("projectName", projectName)
                .variable("year", fund.getYear())
                .variable("link", portal.link("/dialog-fund/applications/" + a.getId()));
    }

    private String amount(BigDecimal value, Locale locale) {
        return formats.number(value, locale);
    }
}
