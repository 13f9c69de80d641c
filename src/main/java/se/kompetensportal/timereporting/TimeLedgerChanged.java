package se.kompetensportal.timereporting;

import java.time.YearMonth;

/**
 * A person's month in the ledger changed: its minutes (attendance recorded or corrected) or its status (sent,
 * confirmed, disputed, corrected). Published inside the transaction of the change; listen with
 * {@code @ApplicationModuleListener} to react after it is committed (e.g. a dashboard cache).
 */
public record TimeLedgerChanged(long projectId, long personId, YearMonth month, MonthStatus status, int minutes) {
}
