package se.kompetensportal.participants.domain;

/** Whom a message to an activity's participants goes to. */
public enum MessageAudience {
    /** Those with a seat. */
    CONFIRMED,
    /** Those on the waiting list. */
    WAITING,
    /** Those recorded as present at one session at least. */
    ATTENDED,
    /** Everyone with a seat or on the waiting list. */
    EVERYONE;

    /** The condition on {@code sign_up s} that picks the audience. */
    String where() {
        return switch (this) {
            case CONFIRMED -> "s.status = 'CONFIRMED'";
            case WAITING -> "s.status = 'WAITING'";
            case ATTENDED -> "s.status <> 'CANCELLED' and exists (select 1 from attendance a where a.sign_up_id = s.id and a.attended)";
            case EVERYONE -> "s.status in ('CONFIRMED', 'WAITING')";
        };
    }
}
