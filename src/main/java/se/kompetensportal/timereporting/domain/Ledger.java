package se.kompetensportal.timereporting.domain;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.AttendanceLine;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerLine;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.TimeLedgerChanged;

/**
 * Keeps one ledger month equal to the attendance behind it. {@link #refresh} is the one function both the event
 * listener and the rebuild call, so a rebuild gives exactly what the events gave. It takes the month's row lock, so a
 * refresh, a confirmation and the sending job never interleave on one month.
 *
 * <p>When the lines of a month that was already sent change (only a correction, a merge of two person records or a
 * rebuild that finds a difference can do that: the attendance pages refuse such changes), the month goes back to
 * CORRECTED for a new confirmation, the change is written in its history, and if the month was reported to SCB it and
 * every later reported month are flagged for sending again.
 *
 * <p>Whenever it writes a month (a new month, or one whose lines changed) it also records the participant's employer
 * organisation at that moment in {@code time_month.employer_organisation_id} (null: the employer is not a registered
 * organisation). That is the actor whose co-financing the month's time is: a later change of employer does not move
 * months already recorded, only months written after it. Both paths ask the same {@link ParticipantEmployers}, so a
 * rebuild records the employer the events would have.
 */
@Component
class Ledger {

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final StaffFilter staff;
    private final ApplicationEventPublisher events;
    private final ScbMonths scbMonths;

    Ledger(JdbcTemplate jdbc, LedgerStore store, StaffFilter staff, ApplicationEventPublisher events,
            ScbMonths scbMonths) {
        this.scbMonths = scbMonths;
        this.jdbc = jdbc;
        this.store = store;
        this.staff = staff;
        this.events = events;
    }

    StaffFilter.Lookup staffLookup() {
        return staff.lookup();
    }

    /**
     * Makes the ledger month of (project, person, month) match the attended lines given (which must be all of that
     * month's attendance, staff included: they are filtered here). {@code employerOf} gives the person's employing
     * organisation (or null), asked only when the month is written. Returns whether anything changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean refresh(long projectId, long personId, YearMonth month, List<AttendanceLine> source,
            StaffFilter.Lookup staffLookup, LongFunction<Long> employerOf) {
        List<LedgerLine> lines = source.stream()
                .filter(l -> l.projectId() == projectId && l.personId() == personId
                        && YearMonth.from(l.date()).equals(month) && l.minutes() > 0)
                .filter(l -> !staffLookup.isStaff(l))
                .map(l -> new LedgerLine(l.sessionId(), l.activityId(), l.date(), l.minutes(),
                        Math.max(l.minutes(), l.sessionMinutes())))
                .sorted(Comparator.comparing(LedgerLine::date).thenComparing(LedgerLine::sessionId))
                .toList();
        int minutes = lines.stream().mapToInt(LedgerLine::minutes).sum();
        Optional<LedgerMonth> locked = store.lock(projectId, personId, month);
        if (locked.isEmpty()) {
            if (lines.isEmpty()) {
                return false;
            }
            Long id = jdbc.queryForObject("""
                    insert into time_month (id, project_id, person_id, month, minutes, employer_organisation_id,
                        employer_recorded)
                    values (nextval('time_month_seq'), ?, ?, ?, ?, ?, true)
                    on conflict (project_id, person_id, month) do nothing returning id""", Long.class,
                    projectId, personId, LedgerStore.first(month), minutes, employerOf.apply(personId));
            if (id == null) {
                // Inserted by a concurrent transaction that has committed since: refresh that row instead.
                return refresh(projectId, personId, month, source, staffLookup, employerOf);
            }
            writeLines(id, lines);
            events.publishEvent(new TimeLedgerChanged(projectId, personId, month, MonthStatus.OPEN, minutes));
            return true;
        }
        LedgerMonth row = locked.get();
        if (row.minutes() == minutes && store.lines(row.id()).equals(lines)) {
            return false;
        }
        jdbc.update("delete from time_line where time_month_id = ?", row.id());
        writeLines(row.id(), lines);
        MonthStatus status = switch (row.status()) {
            case SENT, CONFIRMED, DISPUTED -> MonthStatus.CORRECTED;
            case OPEN, CORRECTED -> row.status();
        };
        jdbc.update("""
                update time_month set minutes = ?, status = ?, version = version + 1, updated_at = now(),
                    employer_organisation_id = ?, employer_recorded = true,
                    answered_at = case when ? in ('CONFIRMED', 'DISPUTED') then answered_at end,
                    method = case when ? in ('CONFIRMED', 'DISPUTED') then method end,
                    answered_by = case when ? in ('CONFIRMED', 'DISPUTED') then answered_by end
                where id = ?""", minutes, status.name(), employerOf.apply(personId), status.name(), status.name(), status.name(), row.id());
        if (status != row.status()) {
            store.addEvent(row.id(), LedgerEventKind.CHANGED, CurrentUser.get().map(PortalUser::id).orElse(null), null,
                    null, row.minutes(), minutes);
        }
        scbMonths.flagFrom(projectId, month, "time.scb.flag.changed");
        if (status == MonthStatus.OPEN && lines.isEmpty() && !store.hasEvents(row.id())) {
            jdbc.update("delete from time_month where id = ?", row.id());
        }
        events.publishEvent(new TimeLedgerChanged(projectId, personId, month, status, minutes));
        return true;
    }

    private void writeLines(long monthId, List<LedgerLine> lines) {
        jdbc.batchUpdate("""
                insert into time_line (time_month_id, session_id, activity_id, session_date, minutes, session_minutes)
                values (?, ?, ?, ?, ?, ?)""", lines, 100, (ps, l) -> {
            ps.setLong(1, monthId);
            ps.setLong(2, l.sessionId());
            ps.setLong(3, l.activityId());
            ps.setObject(4, l.date());
            ps.setInt(5, l.minutes());
            ps.setInt(6, l.sessionMinutes());
        });
    }
}
