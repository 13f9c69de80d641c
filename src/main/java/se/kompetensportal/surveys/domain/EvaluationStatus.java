package se.kompetensportal.surveys.domain;

/** DRAFT until the invitations go out, OPEN while answers are taken, CLOSED after the closing date. */
public enum EvaluationStatus {
    DRAFT, OPEN, CLOSED
}
