package se.kompetensportal.participants;

import java.time.LocalDate;

/**
 * One attended session of one person, as the attendance records it: the minutes the person was there (less than the
 * session's length when they arrived late or left early) and the session's length.
 *
 * @param userId the person's user account, or {@code null} if they have none (to leave out the project's own staff)
 */
public record AttendanceLine(long projectId, long personId, Long userId, long activityId, long sessionId,
        LocalDate date, int minutes, int sessionMinutes) {

    /** Whether the person attended less than the whole session. */
    public boolean partial() {
        return minutes < sessionMinutes;
    }
}
