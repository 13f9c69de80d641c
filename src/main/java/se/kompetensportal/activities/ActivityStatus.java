package se.kompetensportal.activities;

/**
 * Where an activity is in its life: a draft is seen only by the project's staff; a published activity is in the public
 * catalogue and open for sign-up (within its registration period); it ends completed, or cancelled with a reason.
 * Message key {@code activity.status.<NAME>}.
 */
public enum ActivityStatus {
    DRAFT,
    PUBLISHED,
    COMPLETED,
    CANCELLED
}
