package se.kompetensportal.participants.domain;

/** Who cancelled a sign-up. Message key {@code signUp.cancelledBy.<NAME>}. */
public enum CancelledBy {
    PARTICIPANT, SECRETARY, ACTIVITY
}
