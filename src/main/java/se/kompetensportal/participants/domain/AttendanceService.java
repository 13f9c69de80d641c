package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.participants.AttendanceRecorded;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Who came to each session. The secretary marks all at once or one by one; the session's date and length are stored
 * with each mark, so hours per person and month are one aggregate. Sessions that have not started yet cannot be
 * marked.
 */
@Service
public class AttendanceService {

    private final ActivitiesApi activities;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceService(ActivitiesApi activities, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AttendanceSheet sheet(long activityId, long sessionId) {
        ActivityInfo activity = managed(activityId);
        List<SessionInfo> sessions = activities.sessions(activityId);
        SessionInfo session = session(sessions, sessionId);
        List<AttendanceSheet.Row> rows = jdbc.query("""
                select s.id, p.id, p.first_name || ' ' || p.last_name,
                       coalesce(o.name, p.employer_name), a.attended
                from sign_up s
                join person p on p.id = s.person_id
                left join organisation o on o.id = p.employer_organisation_id
                left join attendance a on a.session_id = ? and a.person_id = s.person_id
                where s.activity_id = ? and (s.status = 'CONFIRMED' or a.session_id is not null)
                order by lower(p.last_name), lower(p.first_name), p.id""",
                (rs, i) -> new AttendanceSheet.Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Boolean) rs.getObject(5)),
                sessionId, activityId);
        return new AttendanceSheet(activityId, activity.title(), activity.projectId(), sessionId, session.date(),
                session.start(), session.end(), session.place() != null ? session.place() : activity.place(),
                recordable(session), rows,
                sessions.stream().map(s -> new AttendanceSheet.SessionRef(s.id(), s.date(), s.start())).toList());
    }

    /** Records the whole session at once: those listed came, every other seat-holder did not. */
    @Transactional
    public void record(long activityId, long sessionId, Set<Long> presentSignUpIds) {
        ActivityInfo activity = managed(activityId);
        SessionInfo session = recordableSession(activityId, sessionId);
        List<long[]> seatHolders = jdbc.query("""
                select s.id, s.person_id from sign_up s where s.activity_id = ? and s.status = 'CONFIRMED'""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, activityId);
        int present = 0;
        for (long[] holder : seatHolders) {
            boolean came = presentSignUpIds.contains(holder[0]);
            upsert(activity, session, holder[0], holder[1], came);
            present += came ? 1 : 0;
        }
        events.publishEvent(new AttendanceRecorded(activityId, sessionId, activity.projectId(), present,
                seatHolders.size() - present));
    }

    /** Marks one person (one tap on a phone). */
    @Transactional
    public boolean mark(long activityId, long sessionId, long signUpId, boolean attended) {
        ActivityInfo activity = managed(activityId);
        SessionInfo session = recordableSession(activityId, sessionId);
        List<Long> person = jdbc.queryForList("""
                select person_id from sign_up where id = ? and activity_id = ? and status = 'CONFIRMED'""",
                Long.class, signUpId, activityId);
        if (person.isEmpty()) {
            throw new NotFoundException("SignUp", signUpId);
        }
        upsert(activity, session, signUpId, person.getFirst(), attended);
        events.publishEvent(new AttendanceRecorded(activityId, sessionId, activity.projectId(), attended ? 1 : 0,
                attended ? 0 : 1));
        return attended;
    }

    private void upsert(ActivityInfo activity, SessionInfo session, long signUpId, long personId, boolean attended) {
        int minutes = session.hours().multiply(BigDecimal.valueOf(60)).intValue();
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, session_date,
                                        minutes, attended, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                on conflict (session_id, person_id) do update set attended = excluded.attended,
                    sign_up_id = excluded.sign_up_id, minutes = excluded.minutes,
                    session_date = excluded.session_date, recorded_at = now(), recorded_by = excluded.recorded_by""",
                session.id(), personId, signUpId, activity.id(), activity.projectId(), session.date(), minutes,
                attended, CurrentUser.require().id());
    }

    private SessionInfo recordableSession(long activityId, long sessionId) {
        SessionInfo session = session(activities.sessions(activityId), sessionId);
        if (!recordable(session)) {
            throw new BusinessRuleException("attendance.notStarted");
        }
        return session;
    }

    private boolean recordable(SessionInfo session) {
        return !session.date().isAfter(LocalDate.now(clock));
    }

    private static SessionInfo session(List<SessionInfo> sessions, long sessionId) {
        return sessions.stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    private ActivityInfo managed(long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        CurrentUser.requireManage(activity.projectId());
        return activity;
    }
}
