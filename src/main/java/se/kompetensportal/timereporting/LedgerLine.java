package se.kompetensportal.timereporting;

import java.time.LocalDate;

/**
 * One attended session behind a ledger month.
 *
 * @param minutes        the minutes the person attended
 * @param sessionMinutes the session's length (more than {@code minutes} when they arrived late or left early)
 */
public record LedgerLine(long sessionId, long activityId, LocalDate date, int minutes, int sessionMinutes) {

    public boolean partial() {
        return minutes < sessionMinutes;
    }
}
