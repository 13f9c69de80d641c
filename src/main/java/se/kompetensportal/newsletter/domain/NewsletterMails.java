package se.kompetensportal.newsletter.domain;

import java.util.Locale;

import org.springframework.stereotype.Component;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The newsletter's mails, through the outbox in the transaction of the change: the confirmation link, each issue (one
 * mail per subscriber, with the subscriber's own unsubscribe link in the text and in the {@code List-Unsubscribe}
 * header, RFC 2369, with one-click unsubscribe by POST, RFC 8058), the secretary's test, and the reminder.
 */
@Component
class NewsletterMails {

    static final String ISSUE_CATEGORY = "newsletter.issue";

    private final Outbox outbox;
    private final PortalProperties portal;
    private final IssueRenderer renderer;

    NewsletterMails(Outbox outbox, PortalProperties portal, IssueRenderer renderer) {
        this.outbox = outbox;
        this.portal = portal;
        this.renderer = renderer;
    }

    /** Every mail of an issue has a dedup key starting with this, so that its progress can be counted. */
    static String dedupPrefix(long issueId) {
        return "newsletter-issue:" + issueId + ":";
    }

    static String unsubscribePath(String token) {
        return "/newsletter/unsubscribe/" + token;
    }

    void confirmation(Subscriber s, String projectName, String token) {
        outbox.enqueue(OutgoingMail.to(s.getEmail(), Locale.of(s.getLocale()))
                .template("newsletter/confirm")
                .subject("mail.newsletter.confirm.subject", projectName)
                .variable("projectName", projectName)
                .variable("confirmLink", portal.link("/newsletter/confirm/" + token))
                .project(s.getProjectId())
                .category("newsletter.confirm")
                .build());
    }

    /** Queues a batch of an issue, one copy per subscriber; returns how many were queued (not queued before). */
    int issue(IssueContent content, java.util.List<Subscriber> batch) {
        java.util.Map<String, IssueRenderer.Prepared> byLanguage = new java.util.HashMap<>();
        java.util.List<OutgoingMail> mails = new java.util.ArrayList<>(batch.size());
        for (Subscriber s : batch) {
            IssueRenderer.Prepared prepared = byLanguage.computeIfAbsent(s.getLocale(),
                    language -> renderer.render(content, Locale.of(language)));
            mails.add(issueMail(content, prepared, s));
        }
        return outbox.enqueueAll(mails);
    }

    /** One subscriber's copy of an issue. */
    private OutgoingMail issueMail(IssueContent content, IssueRenderer.Prepared prepared, Subscriber s) {
        String unsubscribe = portal.link(unsubscribePath(s.getUnsubscribeToken()));
        return OutgoingMail.to(s.getEmail(), Locale.of(s.getLocale()))
                .template("newsletter/issue")
                .subject("mail.newsletter.issue.subject", content.subject())
                .variable("content", content)
                .variable("contentHtml", prepared.html())
                .variable("contentText", prepared.text())
                .variable("unsubscribeLink", unsubscribe)
                .variable("test", false)
                .header("List-Unsubscribe", "<" + unsubscribe + ">")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .header("List-Id", "<" + content.projectSlug() + ".newsletter." + host() + ">")
                .header("Precedence", "bulk")
                .project(content.projectId())
                .category(ISSUE_CATEGORY)
                .dedupKey(dedupPrefix(content.issueId()) + s.getId())
                .build();
    }

    /** The issue as it stands, to the secretary, marked as a test (its unsubscribe link leads nowhere). */
    void test(IssueContent content, String email, Locale locale) {
        IssueRenderer.Prepared prepared = renderer.render(content, locale);
        outbox.enqueue(OutgoingMail.to(email, locale)
                .template("newsletter/issue")
                .subject("mail.newsletter.test.subject", content.subject())
                .variable("content", content)
                .variable("contentHtml", prepared.html())
                .variable("contentText", prepared.text())
                .variable("unsubscribeLink", portal.link("/newsletter/unsubscribe/test"))
                .variable("test", true)
                .project(content.projectId())
                .category("newsletter.test")
                .build());
    }

    boolean reminder(String email, Locale locale, String projectName, long projectId, long lastIssueId, String lastSent) {
        return outbox.enqueue(OutgoingMail.to(email, locale)
                .template("newsletter/reminder")
                .subject("mail.newsletter.reminder.subject", projectName)
                .variable("projectName", projectName)
                .variable("lastSent", lastSent)
                .variable("link", portal.link("/admin/newsletters?projectId=" + projectId))
                .project(projectId)
                .category("newsletter.reminder")
                .dedupKey("newsletter-reminder:" + projectId + ":" + lastIssueId + ":" + email.toLowerCase(Locale.ROOT))
                .build());
    }

    private String host() {
        return java.net.URI.create(portal.baseUrl()).getHost();
    }
}
