package se.kompetensportal.notifications.domain;

import org.springframework.stereotype.Component;
import se.kompetensportal.notifications.DeliveryCounts;
import se.kompetensportal.notifications.MailAttachment;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.notifications.PreparedMail;

/** Renders a mail and stores it, with its attachments, in the caller's transaction. */
@Component
public class OutboxWriter {

    private final OutboxRepository messages;
    private final OutboxAttachmentRepository attachments;
    private final MailRenderer renderer;

    OutboxWriter(OutboxRepository messages, OutboxAttachmentRepository attachments, MailRenderer renderer) {
        this.messages = messages;
        this.attachments = attachments;
        this.renderer = renderer;
    }

    public DeliveryCounts deliveries(String dedupKeyPrefix) {
        String pattern = dedupKeyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long pending = 0;
        long sent = 0;
        long failed = 0;
        for (Object[] row : messages.countByStatusWithDedupKeyLike(pattern)) {
            long n = ((Number) row[1]).longValue();
            switch (OutboxStatus.valueOf((String) row[0])) {
                case PENDING -> pending = n;
                case SENT -> sent = n;
                case FAILED, CANCELLED -> failed += n;
            }
        }
        return new DeliveryCounts(pending, sent, failed);
    }

    public boolean write(OutgoingMail mail) {
        if (mail.dedupKey() != null && messages.existsByDedupKey(mail.dedupKey())) {
            return false;
        }
        store(mail);
        return true;
    }

    /** Renders the mail (no database access), to be written later with {@link #write(PreparedMail)}. */
    public PreparedMail prepare(OutgoingMail mail) {
        MailRenderer.Rendered rendered = renderer.render(mail);
        return new PreparedMail(mail, rendered.subject(), rendered.text(), rendered.html());
    }

    public boolean write(PreparedMail prepared) {
        OutgoingMail mail = prepared.mail();
        if (mail.dedupKey() != null && messages.existsByDedupKey(mail.dedupKey())) {
            return false;
        }
        store(mail, new MailRenderer.Rendered(prepared.subject(), prepared.text(), prepared.html()));
        return true;
    }

    /** Writes the mails whose dedup key (if any) was not used before, asking for the keys in one query. */
    public int writeAll(java.util.List<OutgoingMail> mails) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        mails.stream().map(OutgoingMail::dedupKey).filter(java.util.Objects::nonNull).forEach(keys::add);
        java.util.Set<String> used = keys.isEmpty() ? java.util.Set.of()
                : new java.util.HashSet<>(messages.existingDedupKeys(keys));
        int written = 0;
        for (OutgoingMail mail : mails) {
            if (mail.dedupKey() == null || used.add(mail.dedupKey())) {
                store(mail);
                written++;
            }
        }
        return written;
    }

    private void store(OutgoingMail mail) {
        store(mail, renderer.render(mail));
    }

    private void store(OutgoingMail mail, MailRenderer.Rendered rendered) {
        OutboxMessage message = new OutboxMessage(mail.projectId(), mail.category(), mail.sensitive(),
                mail.recipient(), rendered.subject(), rendered.text(), rendered.html(), mail.dedupKey());
        message.setExtraHeaders(mail.headers());
        message = messages.save(message);
        for (MailAttachment a : mail.attachments()) {
            attachments.save(new OutboxAttachment(message.getId(), a.filename(), a.contentType(), a.content()));
        }
    }
}
