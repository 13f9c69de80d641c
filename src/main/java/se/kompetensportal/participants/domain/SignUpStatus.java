package se.kompetensportal.participants.domain;

/** Message key {@code signUp.status.<NAME>}. */
public enum SignUpStatus {
    CONFIRMED, WAITING, CANCELLED
}
