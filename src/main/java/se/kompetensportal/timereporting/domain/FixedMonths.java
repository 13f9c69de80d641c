package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;
import se.kompetensportal.participants.AttendanceMonthLock;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.timereporting.LedgerMonth;

/**
 * A month that was sent to the participant for confirmation (or confirmed, disputed, corrected) is fixed: attendance
 * pages may not change the person's time in it; the secretary corrects it from the project's time page, with a reason.
 * The check takes the month's row lock, so the sending job cannot send a month while its attendance is being changed.
 */
@Component
class FixedMonths implements AttendanceMonthLock {

    private final LedgerStore store;
    private final ParticipantContacts people;

    FixedMonths(LedgerStore store, ParticipantContacts people) {
        this.store = store;
        this.people = people;
    }

    @Override
    public void beforeChange(long projectId, long personId, LocalDate sessionDate) {
        YearMonth month = YearMonth.from(sessionDate);
        LedgerMonth row = store.lock(projectId, personId, month).orElse(null);
        if (row != null && row.status().fixed()) {
            String name = people.contact(personId).map(ParticipantContacts.PersonContact::name).orElse("");
            throw new BusinessRuleException("time.attendance.monthFixed", name, month.toString());
        }
    }
}
