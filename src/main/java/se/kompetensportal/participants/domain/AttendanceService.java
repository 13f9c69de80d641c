package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.participants.AttendanceRecorded;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Who came to each session, and for how long. The secretary marks all at once or one by one, with the minutes of
 * someone who arrived late or left early; the session's date and length are stored with each mark, so hours per person
 * and month are one aggregate. Sessions that have not started yet cannot be marked.
 */
@Service
public class AttendanceService {

    private final ActivitiesApi activities;
    private final ProjectLookup projects;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final AttendanceWriter writer;
    private final Clock clock;

    AttendanceService(ActivitiesApi activities, ProjectLookup projects, JdbcTemplate jdbc,
            ApplicationEventPublisher events, AttendanceWriter writer, Clock clock) {
        this.activities = activities;
        this.projects = projects;
        this.jdbc = jdbc;
        this.events = events;
        this.writer = writer;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AttendanceSheet sheet(PortalUser user, long activityId, long sessionId) {
        return sheetOf(managed(user, activityId), sessionId);
    }

    /** The sheet without a scope check: the caller has checked who may see it. */
    AttendanceSheet sheetOf(ActivityInfo activity, long sessionId) {
        long activityId = activity.id();
        List<SessionInfo> sessions = activities.sessions(activityId);
        SessionInfo session = session(sessions, sessionId);
        List<SheetLine> lines = jdbc.query("""
                select s.id, p.id, p.first_name || ' ' || p.last_name,
                       p.employer_organisation_id, p.employer_name, a.attended, a.minutes
                from sign_up s
                join person p on p.id = s.person_id
                left join attendance a on a.session_id = ? and a.person_id = s.person_id
                where s.activity_id = ? and (s.status = 'CONFIRMED' or a.session_id is not null)
                order by lower(p.last_name), lower(p.first_name), p.id""",
                (rs, i) -> new SheetLine(new AttendanceSheet.Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(5), (Boolean) rs.getObject(6), (Integer) rs.getObject(7)),
                        (Long) rs.getObject(4)),
                sessionId, activityId);
        // The employers' names come from the projects module, which owns the organisations.
        Map<Long, String> employers = projects.organisationNames(lines.stream().map(SheetLine::employerId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        List<AttendanceSheet.Row> rows = lines.stream().map(l -> l.withEmployer(employers)).toList();
        return new AttendanceSheet(activityId, activity.title(), activity.projectId(), sessionId, session.date(),
                session.start(), session.end(), session.place() != null ? session.place() : activity.place(),
                recordable(session), AttendanceWriter.sessionMinutes(session), rows,
                sessions.stream().map(s -> new AttendanceSheet.SessionRef(s.id(), s.date(), s.start())).toList());
    }

    /** A row of the sheet with the id of the person's employer organisation, if any, before its name is known. */
    private record SheetLine(AttendanceSheet.Row row, Long employerId) {

        AttendanceSheet.Row withEmployer(Map<Long, String> names) {
            String name = employerId == null ? null : names.get(employerId);
            return name == null ? row : new AttendanceSheet.Row(row.signUpId(), row.personId(), row.name(), name,
                    row.attended(), row.minutes());
        }
    }

    /**
     * Records the whole session at once: those listed came (for the minutes given, else the whole session), every
     * other seat-holder did not.
     */
    @Transactional
    public void record(PortalUser user, long activityId, long sessionId, Set<Long> presentSignUpIds,
            Map<Long, Integer> minutes) {
        ActivityInfo activity = managed(user, activityId);
        SessionInfo session = recordableSession(activityId, sessionId);
        List<long[]> seatHolders = jdbc.query("""
                select s.id, s.person_id from sign_up s where s.activity_id = ? and s.status = 'CONFIRMED'""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, activityId);
        List<AttendanceWriter.Mark> marks = new ArrayList<>();
        int present = 0;
        for (long[] holder : seatHolders) {
            boolean came = presentSignUpIds.contains(holder[0]);
            Integer given = came ? minutes.get(holder[0]) : null;
            marks.add(new AttendanceWriter.Mark(holder[0], holder[1], came,
                    given == null ? AttendanceWriter.sessionMinutes(session) : given));
            present += came ? 1 : 0;
        }
        writer.write(activity, session, marks, false, user.id());
        events.publishEvent(new AttendanceRecorded(activityId, sessionId, activity.projectId(), present,
                seatHolders.size() - present));
    }

    /**
     * Marks one person (one tap on a phone): present for the minutes given, or as already recorded, or the whole
     * session; or absent.
     */
    @Transactional
    public boolean mark(PortalUser user, long activityId, long sessionId, long signUpId, boolean attended,
            Integer minutes) {
        return markIn(managed(user, activityId), sessionId, signUpId, attended, minutes, user.id());
    }

    /**
     * Marks without a scope check: the caller has checked that the user {@code byUserId} may record the activity's
     * attendance.
     */
    boolean markIn(ActivityInfo activity, long sessionId, long signUpId, boolean attended, Integer minutes,
            long byUserId) {
        long activityId = activity.id();
        SessionInfo session = recordableSession(activityId, sessionId);
        List<Long> person = jdbc.queryForList("""
                select person_id from sign_up where id = ? and activity_id = ? and status = 'CONFIRMED'""",
                Long.class, signUpId, activityId);
        if (person.isEmpty()) {
            throw new NotFoundException("SignUp", signUpId);
        }
        writer.write(activity, session, List.of(new AttendanceWriter.Mark(signUpId, person.getFirst(), attended,
                attended ? minutes : null)), false, byUserId);
        events.publishEvent(new AttendanceRecorded(activityId, sessionId, activity.projectId(), attended ? 1 : 0,
                attended ? 0 : 1));
        return attended;
    }

    private SessionInfo recordableSession(long activityId, long sessionId) {
        SessionInfo session = session(activities.sessions(activityId), sessionId);
        if (!recordable(session)) {
            throw new BusinessRuleException("attendance.notStarted");
        }
        return session;
    }

    private boolean recordable(SessionInfo session) {
        return AttendanceWriter.started(session, clock.instant());
    }

    private static SessionInfo session(List<SessionInfo> sessions, long sessionId) {
        return sessions.stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    private ActivityInfo managed(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.projectId());
        return activity;
    }
}
