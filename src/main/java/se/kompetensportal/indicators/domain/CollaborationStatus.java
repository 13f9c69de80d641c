package se.kompetensportal.indicators.domain;

/** A collaboration project's stage: an idea, developed (planned with its partners), carried out. */
public enum CollaborationStatus {
    IDEA, DEVELOPED, CARRIED_OUT
}
