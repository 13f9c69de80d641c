package se.kompetensportal.notifications.domain;

import java.time.Instant;
import java.util.List;

/**
 * One mail as the outbox page shows it; {@code bodyText} is null when the body may not be shown. {@code messageId} is
 * the Message-ID it is (or was) sent with, the same on every attempt.
 */
public record OutboxMessageView(long id, Instant createdAt, String recipient, String subject, String category,
        OutboxStatus status, int attempts, Instant sentAt, Instant nextAttemptAt, String lastError, String bodyText,
        boolean hasHtml, List<String> attachments, boolean bodyVisible, String messageId) {
}
