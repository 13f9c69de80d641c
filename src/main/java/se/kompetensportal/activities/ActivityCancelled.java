package se.kompetensportal.activities;

/**
 * An activity was cancelled; {@code reason} is the secretary's explanation, meant to be passed on to those signed up.
 */
public record ActivityCancelled(long activityId, long projectId, String reason) {
}
