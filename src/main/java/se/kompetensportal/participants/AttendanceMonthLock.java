package se.kompetensportal.participants;

import java.time.LocalDate;

/**
 * A module that fixes attendance after the fact (the time ledger: a month sent to the participant for confirmation is
 * changed only by a correction with a reason) implements this; the attendance service asks every implementation
 * before it changes a person's attendance at a session, inside the transaction of the change, and the change is
 * refused if one throws (a {@code BusinessRuleException} that says why). Corrections made through
 * {@link AttendanceRecords#correct} are not asked: the caller is the one that fixed the month.
 */
public interface AttendanceMonthLock {

    void beforeChange(long projectId, long personId, LocalDate sessionDate);
}
