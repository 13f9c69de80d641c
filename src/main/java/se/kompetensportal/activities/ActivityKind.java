package se.kompetensportal.activities;

/** The kinds of activity a project plan names. Message key {@code activity.kind.<NAME>}. */
public enum ActivityKind {
    COURSE,
    ADVANCED_COURSE,
    WORKSHOP,
    CONFERENCE,
    COLLABORATION_FORUM,
    PROCESS_DAY,
    DIALOGUE_MEETING,
    NETWORK_MEETING,
    FOCUS_GROUP
}
