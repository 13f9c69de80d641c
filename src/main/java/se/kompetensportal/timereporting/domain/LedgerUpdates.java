package se.kompetensportal.timereporting.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.AttendanceChanged;
import se.kompetensportal.participants.AttendanceLine;
import se.kompetensportal.participants.AttendanceRecords;
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

    LedgerUpdates(Ledger ledger, LedgerStore store, AttendanceRecords attendance) {
        this.ledger = ledger;
        this.store = store;
        this.attendance = attendance;
    }

    @EventListener
    void on(AttendanceChanged event) {
        YearMonth month = YearMonth.from(event.sessionDate());
        StaffFilter.Lookup staff = ledger.staffLookup();
        for (long person : new HashSet<>(event.personIds())) {
            ledger.refresh(event.projectId(), person, month, attendance.attended(event.projectId(), person, month),
                    staff);
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
        source.forEach((key, lines) -> ledger.refresh(key.project(), personId, key.month(), lines, staff));
    }

    /**
     * Rebuilds the project's ledger from its attendance rows: every month with attendance is refreshed from them and
     * every month the ledger holds without attendance is emptied. Returns how many months changed (zero when the
     * ledger was current).
     */
    @Transactional
    public int rebuild(long projectId) {
        record Key(long person, YearMonth month) {
        }
        Set<Key> stale = new HashSet<>();
        store.months(projectId, YearMonth.of(1900, 1), YearMonth.of(9999, 12))
                .forEach(m -> stale.add(new Key(m.personId(), m.month())));
        StaffFilter.Lookup staff = ledger.staffLookup();
        int[] changed = {0};
        List<AttendanceLine> batch = new ArrayList<>();
        Runnable flush = () -> {
            if (!batch.isEmpty()) {
                AttendanceLine first = batch.getFirst();
                Key key = new Key(first.personId(), YearMonth.from(first.date()));
                stale.remove(key);
                changed[0] += ledger.refresh(projectId, key.person(), key.month(), List.copyOf(batch), staff) ? 1 : 0;
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
            changed[0] += ledger.refresh(projectId, key.person(), key.month(), List.of(), staff) ? 1 : 0;
        }
        return changed[0];
    }
}
