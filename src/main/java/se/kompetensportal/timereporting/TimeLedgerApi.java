package se.kompetensportal.timereporting;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.timereporting.domain.LedgerRebuild;
import se.kompetensportal.timereporting.domain.LedgerStore;
import se.kompetensportal.timereporting.domain.ScbMonths;

/**
 * What other modules may ask of the time ledger: per project, person and month the minutes attended, the funder's
 * whole hours (the month's total rounded down), the attendance lines behind it, its confirmation status and history,
 * and which months were reported to SCB and must be sent again. Unscoped: callers apply their own rules about who may
 * see what (a secretary their projects, an actor's contact person their organisation's people).
 *
 * <p>The ledger follows the participants module's attendance (see {@link TimeLedgerChanged} for its changes) and can
 * be rebuilt from it with the same result. Only months with attendance are listed; a month's {@code minutes} is the
 * sum of its lines; hours count only once the month is {@link MonthStatus#CONFIRMED}.
 */
@Service
@Transactional(readOnly = true)
public class TimeLedgerApi {

    private final LedgerStore store;
    private final LedgerRebuild rebuild;
    private final ScbMonths scbMonths;

    TimeLedgerApi(LedgerStore store, LedgerRebuild rebuild, ScbMonths scbMonths) {
        this.scbMonths = scbMonths;
        this.store = store;
        this.rebuild = rebuild;
    }

    public Optional<LedgerMonth> month(long ledgerMonthId) {
        return store.month(ledgerMonthId);
    }

    public Optional<LedgerMonth> month(long projectId, long personId, YearMonth month) {
        return store.month(projectId, personId, month);
    }

    /** The project's person-months from {@code from} to {@code to} (inclusive), by month and person id. */
    public List<LedgerMonth> months(long projectId, YearMonth from, YearMonth to) {
        return store.months(projectId, from, to);
    }

    /**
     * The project's person-months recorded with the organisation as the person's employer (the actor whose
     * co-financing the time is), by month and person id.
     */
    public List<LedgerMonth> monthsOfEmployer(long projectId, long organisationId) {
        return store.monthsOfEmployer(projectId, organisationId);
    }

    /** One person's months in one project, oldest first. */
    public List<LedgerMonth> monthsOfPerson(long projectId, long personId) {
        return store.monthsOfPerson(projectId, personId);
    }

    /** One person's months in every project, latest first. */
    public List<LedgerMonth> monthsOfPerson(long personId) {
        return store.monthsOfPerson(personId);
    }

    /** The months of the project that have time in the ledger, latest first. */
    public List<YearMonth> monthsWithTime(long projectId) {
        return store.monthsWithTime(projectId);
    }

    /** Per month of the project: people, whole hours, confirmed hours and counts per status, oldest month first. */
    public List<MonthSummary> summary(long projectId) {
        return store.summary(projectId);
    }

    /** The attended sessions behind one ledger month, by date. */
    public List<LedgerLine> lines(long ledgerMonthId) {
        return store.lines(ledgerMonthId);
    }

    /** The lines of many ledger months at once (for a month's certificates), by ledger month id. */
    public Map<Long, List<LedgerLine>> lines(Collection<Long> ledgerMonthIds) {
        return store.lines(ledgerMonthIds);
    }

    /** The lines of every person-month of the project in the period, by ledger month id. */
    public Map<Long, List<LedgerLine>> lines(long projectId, YearMonth from, YearMonth to) {
        return store.lines(projectId, from, to);
    }

    /** What happened to the month (sent, reminded, confirmed, disputed, corrected …), oldest first. */
    public List<LedgerEvent> history(long ledgerMonthId) {
        return store.history(ledgerMonthId);
    }

    // SCB -------------------------------------------------------------------------------------------------------------

    /** The project's months that were reported to SCB or flagged, oldest first. */
    public List<ScbMonth> scbMonths(long projectId) {
        return scbMonths.of(projectId);
    }

    /** The project's months that were reported to SCB and must be sent again after a correction, oldest first. */
    public List<YearMonth> scbMonthsToResend(long projectId) {
        return scbMonths.of(projectId).stream().filter(ScbMonth::needsResend).map(ScbMonth::month).toList();
    }

    /** Records that the project's month was sent to SCB (clears its flag for sending again). */
    @Transactional
    public void markReportedToScb(long projectId, YearMonth month, long userId) {
        scbMonths.markReported(projectId, month, userId);
    }

    // rebuild ---------------------------------------------------------------------------------------------------------

    /**
     * Rebuilds the project's ledger from the attendance rows (each month in the same transaction as its check) and
     * returns how many person-months changed: zero when the ledger was current.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int rebuild(long projectId) {
        return rebuild.rebuild(projectId);
    }

    /** Builds every project's ledger from attendance written without events (demo data); returns the months built. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int buildFromAttendance() {
        return rebuild.buildAll();
    }

    /** Rebuilds every project's ledger; returns how many person-months changed. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int rebuildAll() {
        return rebuild.rebuildAll();
    }
}
