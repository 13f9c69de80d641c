package se.kompetensportal.participants;

import java.time.LocalDate;
import java.util.List;

/**
 * The attendance of these people at one session changed (recorded, changed or corrected): published inside the
 * transaction of the change, only for the people whose attendance or minutes actually changed. Listeners that keep a
 * read model of attendance (the time ledger) handle it in that same transaction.
 */
public record AttendanceChanged(long projectId, long activityId, long sessionId, LocalDate sessionDate,
        List<Long> personIds) {
}
