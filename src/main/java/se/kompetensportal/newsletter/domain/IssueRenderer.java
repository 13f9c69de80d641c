package se.kompetensportal.newsletter.domain;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Renders an issue's content for its mails once per batch and language ({@code newsletter/mail-content} and
 * {@code mail/newsletter/issue-content.txt}); each subscriber's mail then only adds the frame and their own
 * unsubscribe link. This is what lets a large issue go to the outbox quickly (docs/benchmarks.md).
 */
@Component
class IssueRenderer {

    /** The content as HTML and as plain text. */
    record Prepared(String html, String text) {
    }

    private final ITemplateEngine templates;
    private final PortalProperties portal;

    IssueRenderer(ITemplateEngine templates, PortalProperties portal) {
        this.templates = templates;
        this.portal = portal;
    }

    Prepared render(IssueContent content, Locale locale) {
        Context context = new Context(locale, Map.of("content", content, "baseUrl", portal.baseUrl()));
        return new Prepared(templates.process("newsletter/mail-content", context).strip(),
                templates.process("mail/newsletter/issue-content.txt", context).strip());
    }
}
