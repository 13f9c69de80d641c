package se.kompetensportal.participants;

/** Attendance was recorded (or changed) for a session of an activity. */
public record AttendanceRecorded(long activityId, long sessionId, long projectId, int attended, int absent) {
}
