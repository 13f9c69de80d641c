package se.kompetensportal.activities;

/**
 * An activity was moved to another track of its project; figures kept per track (the participants by track) move its
 * attendance along.
 */
public record ActivityTrackChanged(long activityId, long projectId, long trackId) {
}
