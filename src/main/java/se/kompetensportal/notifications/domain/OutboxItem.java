package se.kompetensportal.notifications.domain;

import java.time.Instant;

/** A row of the outbox list. */
public record OutboxItem(long id, Instant createdAt, String recipient, String subject, String category,
        OutboxStatus status, int attempts, Instant sentAt) {
}
