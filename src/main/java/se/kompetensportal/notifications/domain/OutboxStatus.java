package se.kompetensportal.notifications.domain;

/** Where a mail is on its way. Message key {@code outbox.status.<NAME>}. */
public enum OutboxStatus {
    PENDING, SENT, FAILED,
    /** Never sent: the recipient was erased before it went. */
    CANCELLED
}
