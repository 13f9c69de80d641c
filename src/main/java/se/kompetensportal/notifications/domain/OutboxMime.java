package se.kompetensportal.notifications.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * An outbox message as the mail server gets it: text and HTML, its attachments, {@code Auto-Submitted}, the extra
 * headers, and a {@code Message-ID} derived from the message alone (the same on every attempt) in the sender's domain.
 */
final class OutboxMime {

    /** A message this instance has claimed for sending. */
    record Claimed(long id, Instant createdAt, String recipient, String subject, String bodyText,
            String bodyHtml, Map<String, String> extraHeaders, int attempts) {
    }

    private record Attachment(String filename, String contentType, byte[] content) {
    }

    private final JdbcTemplate jdbc;
    private final MailProperties properties;
    private final String messageIdDomain;

    OutboxMime(JdbcTemplate jdbc, MailProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.messageIdDomain = domainOf(properties.from());
    }

    MimeMessage toMime(JavaMailSender sender, Claimed message) throws MessagingException, IOException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.bodyHtml() != null) {
            helper.setText(message.bodyText(), message.bodyHtml());
        } else {
            helper.setText(message.bodyText(), false);
        }
        for (Attachment file : attachments(message.id())) {
            helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
        }
        mime.setHeader("Auto-Submitted", "auto-generated");
        // Kept by JavaMailSenderImpl (it restores an explicit Message-ID after saveChanges), so a re-send carries it.
        mime.setHeader("Message-ID", messageId(message.id(), message.createdAt()));
        for (Map.Entry<String, String> header : message.extraHeaders().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    private List<Attachment> attachments(long messageId) {
        return jdbc.query("select filename, content_type, content from outbox_attachment where message_id = ? order by id",
                (rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), messageId);
    }

    /** The Message-ID of an outbox message: derived from the message alone, so every attempt carries the same one. */
    String messageId(long id, Instant createdAt) {
        return "<outbox." + id + "." + createdAt.toEpochMilli() + "@" + messageIdDomain + ">";
    }

    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "kompetensportal.invalid" : address.substring(at + 1);
        } catch (AddressException e) {
            return "kompetensportal.invalid";
        }
    }
}
