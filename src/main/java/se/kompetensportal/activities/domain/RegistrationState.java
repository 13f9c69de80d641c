package se.kompetensportal.activities.domain;

import java.time.Instant;

import se.kompetensportal.activities.ActivityStatus;

/** Whether one can sign up for an activity now, and if not, why. Message key {@code registration.state.<NAME>}. */
public enum RegistrationState {
    NOT_PUBLISHED, NOT_YET_OPEN, OPEN, FULL, CLOSED, CANCELLED, COMPLETED;

    public static RegistrationState of(ActivityStatus status, Instant opens, Instant closes, int seatsLeft, Instant now) {
        return switch (status) {
            case DRAFT -> NOT_PUBLISHED;
            case CANCELLED -> CANCELLED;
            case COMPLETED -> COMPLETED;
            case PUBLISHED -> {
                if (closes != null && !now.isBefore(closes)) {
                    yield CLOSED;
                }
                if (opens != null && now.isBefore(opens)) {
                    yield NOT_YET_OPEN;
                }
                yield seatsLeft <= 0 ? FULL : OPEN;
            }
        };
    }
}
