package se.kompetensportal.notifications;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.notifications.domain.OutboxWriter;

/**
 * Queues mails. It must be called inside the transaction of the change that causes the mail, so that the mail exists
 * if and only if the change was saved; a job sends it afterwards.
 */
@Service
public class Outbox {

    private final OutboxWriter writer;

    Outbox(OutboxWriter writer) {
        this.writer = writer;
    }

    /**
     * How the mails whose dedup key starts with {@code dedupKeyPrefix} are doing (for a progress bar over a mailing
     * such as a newsletter issue, each of whose mails has the key {@code prefix + recipient}).
     */
    @Transactional(readOnly = true)
    public DeliveryCounts deliveries(String dedupKeyPrefix) {
        return writer.deliveries(dedupKeyPrefix);
    }

    /**
     * Queues several mails (a batch of a mailing) with one look-up of their dedup keys; returns how many were queued
     * (those whose key was queued before are left out).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(java.util.List<OutgoingMail> mails) {
        return writer.writeAll(mails);
    }

    /**
     * Renders the mail now, without touching the database, for {@link #enqueue(PreparedMail)} later in the transaction
     * of the change (for instance before the change takes a lock, so the lock is not held while the mail renders).
     */
    public PreparedMail prepare(OutgoingMail mail) {
        return writer.prepare(mail);
    }

    /** Queues a mail rendered before; returns false if a mail with the same dedup key was queued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(PreparedMail mail) {
        return writer.write(mail);
    }

    /** Queues the mail; returns false if a mail with the same dedup key was queued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        return writer.write(mail);
    }
}
