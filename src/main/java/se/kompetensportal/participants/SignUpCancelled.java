package se.kompetensportal.participants;

/** A sign-up was cancelled (by the participant, the secretary, or because the activity was cancelled). */
public record SignUpCancelled(long signUpId, long activityId, long projectId, long personId, boolean heldSeat) {
}
