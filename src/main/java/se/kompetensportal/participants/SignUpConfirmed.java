package se.kompetensportal.participants;

/** A person got a seat on an activity (at sign-up, or moved up from the waiting list). */
public record SignUpConfirmed(long signUpId, long activityId, long projectId, long personId) {
}
