package se.kompetensportal.participants.domain;

/**
 * Message key {@code signUp.status.<NAME>}. {@code PENDING}: a seat held while the participant's manager is asked to
 * approve (counted in the activity's seats taken, not yet confirmed).
 */
public enum SignUpStatus {
    CONFIRMED, WAITING, CANCELLED, PENDING
}
