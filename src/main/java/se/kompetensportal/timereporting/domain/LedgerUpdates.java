package se.kompetensportal.timereporting.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.AttendanceChanged;
import se.kompetensportal.participants.AttendanceLine;
import se.kompetensportal.participants.AttendanceRecords;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.participants.PersonMerged;
import se.kompetensportal.timereporting.LedgerMonth;

/**
 * Keeps the ledger current from the participants module's attendance events, and rebuilds it from the attendance
 * rows. The events are handled synchronously, in the transaction that changed the attendance: the ledger is then never
 * behind the attendance it was built from, and a month's row lock (taken by the attendance check, the refresh and the
 * sending job alike) orders a late attendance change and the month's confirmation request. Both paths end in
 * {@link Ledger#refresh}, so the rebuild gives the same result as the events.
 */
@Component
class LedgerUpdates {

    private final Ledger ledger;
    private final LedgerStore store;
    private final AttendanceRecords attendance;
    private final ParticipantEmployers employers;
    private final JdbcTemplate jdbc;

    LedgerUpdates(Ledger ledger, LedgerStore store, AttendanceRecords attendance, ParticipantEmployers employers,
            JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.store = store;
        this.attendance = attendance;
        this.employers = employers;
        this.jdbc = jdbc;
    }

    /** The person's employer now, asked one person at a time (an event concerns a few people). */
    private LongFunction<Long> currentEmployer() {
        Map<Long, Long> asked = new HashMap<>();
        return person -> asked.computeIfAbsent(person, p -> employers.employerOf(p).orElse(null));
    }

    @EventListener
    void on(AttendanceChanged event) {
        YearMonth month = YearMonth.from(event.sessionDate());
        StaffFilter.Lookup staff = ledger.staffLookup();
        LongFunction<Long> employerOf = currentEmployer();
        for (long person : new HashSet<>(event.personIds())) {
            ledger.refresh(event.projectId(), person, month, attendance.attended(event.projectId(), person, month),
                    staff, employerOf);
        }
    }

    @EventListener
    void on(PersonMerged event) {
        refreshPerson(event.duplicatePersonId());
        refreshPerson(event.keptPersonId());
    }

    @EventListener
    void on(se.kompetensportal.participants.PersonMergeUndone event) {
        refreshPerson(event.restoredPersonId());
        refreshPerson(event.keptPersonId());
    }

    /** Every month of the person, in every project, from their attendance. */
    void refreshPerson(long personId) {
        record Key(long project, YearMonth month) {
        }
        Map<Key, List<AttendanceLine>> source = new LinkedHashMap<>();
        for (AttendanceLine l : attendance.attendedByPerson(personId)) {
            source.computeIfAbsent(new Key(l.projectId(), YearMonth.from(l.date())), k -> new ArrayList<>()).add(l);
        }
        for (LedgerMonth m : store.monthsOfPerson(personId)) {
            source.putIfAbsent(new Key(m.projectId(), m.month()), List.of());
        }
        StaffFilter.Lookup staff = ledger.staffLookup();
        LongFunction<Long> employerOf = currentEmployer();
        source.forEach((key, lines) -> ledger.refresh(key.project(), personId, key.month(), lines, staff, employerOf));
    }

    /**
     * Rebuilds the project's ledger from its attendance rows: every month with attendance is refreshed from them and
     * every month the ledger holds without attendance is emptied. Returns how many months changed (zero when the
     * ledger was current). The employers are asked once for the whole project; months written before the ledger kept
     * the employer (a database from before V14_5) get the employer now, which does not count as a change.
     */
    @Transactional
    public int rebuild(long projectId) {
        record Key(long person, YearMonth month) {
        }
        Set<Key> stale = new HashSet<>();
        store.months(projectId, YearMonth.of(1900, 1), YearMonth.of(9999, 12))
                .forEach(m -> stale.add(new Key(m.personId(), m.month())));
        StaffFilter.Lookup staff = ledger.staffLookup();
        Map<Long, Long> employerMap = new HashMap<>(employers.employersInProject(projectId));
        employerMap.putAll(employers.employersOf(stale.stream().map(Key::person).distinct().toList()));
        LongFunction<Long> employerOf = employerMap::get;
        int[] changed = {0};
        List<AttendanceLine> batch = new ArrayList<>();
        Runnable flush = () -> {
            if (!batch.isEmpty()) {
                AttendanceLine first = batch.getFirst();
                Key key = new Key(first.personId(), YearMonth.from(first.date()));
                stale.remove(key);
                changed[0] += ledger.refresh(projectId, key.person(), key.month(), List.copyOf(batch), staff,
                        employerOf) ? 1 : 0;
                batch.clear();
            }
        };
        attendance.forEachAttended(projectId, line -> {
            if (!batch.isEmpty() && (batch.getFirst().personId() != line.personId()
                    || !YearMonth.from(batch.getFirst().date()).equals(YearMonth.from(line.date())))) {
                flush.run();
            }
            batch.add(line);
        });
        flush.run();
        for (Key key : stale) {
            changed[0] += ledger.refresh(projectId, key.person(), key.month(), List.of(), staff, employerOf) ? 1 : 0;
        }
        recordMissingEmployers(projectId);
        return changed[0];
    }

    /**
     * Months that have no employer recorded yet (written before the ledger kept it, V14_5) get the person's employer
     * now: one query for the months, one for their people's employers, one batch of updates. Not a change of the
     * ledger (nothing is counted, no event is published).
     */
    @Transactional
    public int recordMissingEmployers(long projectId) {
        store.lockProjects(List.of(projectId));
        List<long[]> pending = jdbc.query("select id, person_id from time_month where project_id = ? and not employer_recorded",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, projectId);
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, Long> employerOf = employers.employersOf(pending.stream().map(m -> m[1]).distinct().toList());
        jdbc.batchUpdate("update time_month set employer_organisation_id = ?, employer_recorded = true"
                + " where id = ? and not employer_recorded", pending, 500, (ps, m) -> {
                    Long employer = employerOf.get(m[1]);
                    if (employer == null) {
                        ps.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(1, employer);
                    }
                    ps.setLong(2, m[0]);
                });
        return pending.size();
    }
}
