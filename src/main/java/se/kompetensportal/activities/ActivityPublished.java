package se.kompetensportal.activities;

/** An activity was published: it is in the public catalogue and people may sign up for it. */
public record ActivityPublished(long activityId, long projectId) {
}
