package se.kompetensportal.timereporting;

/**
 * Where a person's month is in its confirmation: OPEN (attendance still being recorded; not yet sent), SENT (sent to
 * the participant for confirmation, by mail or on paper), CONFIRMED (by the participant; fixed), DISPUTED (the
 * participant said something is wrong), CORRECTED (the secretary corrected it after it was sent; waiting for the
 * participant to confirm again). Message key {@code time.status.<NAME>}.
 */
public enum MonthStatus {
    OPEN,
    SENT,
    CONFIRMED,
    DISPUTED,
    CORRECTED;

    /** Sent and not yet answered (a first request, or again after a correction). */
    public boolean awaitingAnswer() {
        return this == SENT || this == CORRECTED;
    }

    /** Shown to the participant: attendance may no longer change except by a correction with a reason. */
    public boolean fixed() {
        return this != OPEN;
    }
}
