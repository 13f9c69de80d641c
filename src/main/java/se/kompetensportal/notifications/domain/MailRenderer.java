package se.kompetensportal.notifications.domain;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Renders a mail's subject, plain-text body ({@code mail/<template>.txt}, Thymeleaf TEXT mode) and HTML body
 * ({@code mail/<template>.html}) in the recipient's language. Both bodies get the mail's variables plus
 * {@code baseUrl}.
 */
@Component
class MailRenderer {

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final PortalProperties portal;

    MailRenderer(ITemplateEngine templates, MessageSource messages, PortalProperties portal) {
        this.templates = templates;
        this.messages = messages;
        this.portal = portal;
    }

    Rendered render(OutgoingMail mail) {
        Map<String, Object> variables = new HashMap<>(mail.variables());
        variables.put("baseUrl", portal.baseUrl());
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArguments().toArray(), mail.locale());
        variables.put("subject", subject);
        Context context = new Context(mail.locale(), variables);
        String text = templates.process("mail/" + mail.template() + ".txt", context).strip() + "\n";
        String html = templates.process("mail/" + mail.template(), context);
        return new Rendered(subject, text, html);
    }

    record Rendered(String subject, String text, String html) {
    }
}
