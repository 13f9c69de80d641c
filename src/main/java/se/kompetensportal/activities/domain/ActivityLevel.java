package se.kompetensportal.activities.domain;

/** What a participant is expected to know beforehand. Message key {@code activity.level.<NAME>}. */
public enum ActivityLevel {
    /** No prior knowledge needed. */
    OPEN,
    /** Basic level. */
    BASIC,
    /** Advanced (fördjupning): builds on a basic course or experience. */
    ADVANCED
}
