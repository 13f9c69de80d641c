package se.kompetensportal.activities;

/** An activity was marked completed by the project's staff (after it took place). */
public record ActivityCompleted(long activityId, long projectId) {
}
