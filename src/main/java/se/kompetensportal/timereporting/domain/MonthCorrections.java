package se.kompetensportal.timereporting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.AttendanceRecords;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;

import static se.kompetensportal.timereporting.domain.ProjectTimeService.current;
import static se.kompetensportal.timereporting.domain.ProjectTimeService.monthOf;

/**
 * The secretary corrects a person's attendance in a month: who, why, before and after, and a new request to confirm
 * when the month had been sent. Acts as the user the controller passes.
 */
@Service
public class MonthCorrections {

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final ScbMonths scbMonths;
    private final ConfirmationRequests requests;
    private final AttendanceRecords attendance;
    private final ProjectsApi projects;

    MonthCorrections(JdbcTemplate jdbc, LedgerStore store, ScbMonths scbMonths, ConfirmationRequests requests,
            AttendanceRecords attendance, ProjectsApi projects) {
        this.jdbc = jdbc;
        this.store = store;
        this.scbMonths = scbMonths;
        this.requests = requests;
        this.attendance = attendance;
        this.projects = projects;
    }

    /**
     * Corrects the person's attendance in the month: {@code minutes} per session (0 or empty: absent), with the reason.
     * Recorded in the month's history with who, why and the minutes before and after. A month that had been sent (or
     * answered) becomes CORRECTED and is sent to the participant again; if it was reported to SCB, it and every later
     * reported month are flagged for sending again. A month changed since the form was shown answers 409.
     */
    @Transactional
    public void correct(long projectId, long monthId, long version, Map<Long, Integer> minutes, String reason,
            PortalUser user) {
        ProjectAccess.requireManage(projects, projectId, user);
        LedgerMonth month = current(monthOf(projectId, store.lock(monthId).orElse(null), monthId), version);
        List<AttendanceRecords.SessionMark> sessions = attendance.sessionsOfMonth(projectId, month.personId(),
                month.month());
        List<AttendanceRecords.SessionMark> changed = new ArrayList<>();
        Map<Long, Integer> wanted = new HashMap<>();
        for (AttendanceRecords.SessionMark s : sessions) {
            if (!minutes.containsKey(s.sessionId())) {
                continue;
            }
            int m = minutes.get(s.sessionId()) == null ? 0 : minutes.get(s.sessionId());
            if (m < 0 || m > s.sessionMinutes()) {
                throw new FieldRejectedException("minutes[" + s.sessionId() + "]", "time.correct.minutesRange",
                        s.sessionMinutes());
            }
            if (m != s.attendedMinutes()) {
                changed.add(s);
                wanted.put(s.sessionId(), m);
            }
        }
        if (changed.isEmpty()) {
            throw new FieldRejectedException("minutes", "time.correct.nothing");
        }
        boolean wasSent = month.status() != MonthStatus.OPEN;
        if (wasSent) {
            // Reopened before the attendance changes, so the ledger's refresh sees a corrected month, not a drift.
            jdbc.update("""
                    update time_month set status = 'CORRECTED', answered_at = null, method = null, answered_by = null,
                        version = version + 1, updated_at = now() where id = ?""", monthId);
        }
        long event = store.addEvent(monthId, LedgerEventKind.CORRECTED, user.id(), null, reason.strip(), month.minutes(),
                null);
        for (AttendanceRecords.SessionMark s : changed) {
            attendance.correct(s.sessionId(), s.activityId(), month.personId(), wanted.get(s.sessionId()), user.id());
        }
        LedgerMonth after = store.lock(monthId).orElseThrow();
        jdbc.update("update time_event set minutes_after = ? where id = ?", after.minutes(), event);
        scbMonths.flagFrom(projectId, month.month(), "time.scb.flag.corrected");
        if (wasSent) {
            requests.send(after, TimeMails.Kind.CORRECTED, LedgerEventKind.SENT, user.id(), reason.strip());
        }
    }
}
