package se.kompetensportal.participants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.participants.domain.AttendanceWriter;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Attendance line by line, for modules that keep a read model of it (the time ledger): the attended sessions of a
 * person in a project and month, all of a project's in one pass, and corrections made by such a module. Unscoped: the
 * caller decides who may see or correct what. Erased people keep their attendance (hours stay when contact data goes).
 */
@Service
@Transactional(readOnly = true)
public class AttendanceRecords {

    private static final String SELECT = """
            select a.project_id, a.person_id, p.user_id, a.activity_id, a.session_id, a.session_date, a.minutes,
                   coalesce(a.session_minutes, a.minutes) as session_minutes
            from attendance a join person p on p.id = a.person_id
            where a.attended and a.minutes > 0""";

    /** A session the person could have attended in a month, and what is recorded for it ({@code null}: nothing). */
    public record SessionMark(long activityId, long sessionId, long signUpId, LocalDate date, int sessionMinutes,
            Boolean attended, Integer minutes) {

        public int attendedMinutes() {
            return Boolean.TRUE.equals(attended) && minutes != null ? minutes : 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final ActivitiesApi activities;
    private final AttendanceWriter writer;

    AttendanceRecords(JdbcTemplate jdbc, ActivitiesApi activities, AttendanceWriter writer) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.writer = writer;
    }

    /** The sessions the person attended in the project in the month, by date. */
    public List<AttendanceLine> attended(long projectId, long personId, YearMonth month) {
        return jdbc.query(SELECT + " and a.project_id = ? and a.person_id = ? and a.session_date between ? and ?"
                + " order by a.session_date, a.session_id", AttendanceRecords::line, projectId, personId,
                month.atDay(1), month.atEndOfMonth());
    }

    /** Every session the person attended, in any project, by project and date. */
    public List<AttendanceLine> attendedByPerson(long personId) {
        return jdbc.query(SELECT + " and a.person_id = ? order by a.project_id, a.session_date, a.session_id",
                AttendanceRecords::line, personId);
    }

    /** Every attended session of the project, in order of person, date and session, one row at a time. */
    public void forEachAttended(long projectId, Consumer<AttendanceLine> consumer) {
        jdbc.query(SELECT + " and a.project_id = ? order by a.person_id, a.session_date, a.session_id",
                rs -> {
                    consumer.accept(line(rs, 0));
                }, projectId);
    }

    /** The projects that have any attendance recorded. */
    public List<Long> projectsWithAttendance() {
        return jdbc.queryForList("select distinct project_id from attendance order by project_id", Long.class);
    }

    /**
     * The sessions in the month of the project's activities the person signed up for (whatever the sign-up's status
     * now), with what is recorded for each: what a correction can change.
     */
    public List<SessionMark> sessionsOfMonth(long projectId, long personId, YearMonth month) {
        List<long[]> signUps = jdbc.query("select id, activity_id from sign_up where project_id = ? and person_id = ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, projectId, personId);
        Map<Long, Object[]> recorded = new java.util.HashMap<>();
        jdbc.query("""
                select session_id, attended, minutes from attendance
                where project_id = ? and person_id = ? and session_date between ? and ?""",
                rs -> {
                    recorded.put(rs.getLong(1), new Object[] {rs.getBoolean(2), rs.getInt(3)});
                }, projectId, personId, month.atDay(1), month.atEndOfMonth());
        List<SessionMark> marks = new ArrayList<>();
        for (long[] signUp : signUps) {
            for (SessionInfo s : activities.sessions(signUp[1])) {
                if (YearMonth.from(s.date()).equals(month)) {
                    Object[] r = recorded.get(s.id());
                    marks.add(new SessionMark(signUp[1], s.id(), signUp[0], s.date(), AttendanceWriter.sessionMinutes(s),
                            r == null ? null : (Boolean) r[0], r == null ? null : (Integer) r[1]));
                }
            }
        }
        marks.sort(Comparator.comparing(SessionMark::date).thenComparing(SessionMark::sessionId));
        return marks;
    }

    /**
     * Corrects one person's attendance at one session, as the module that fixed the month decided (no {@link
     * AttendanceMonthLock} is asked): {@code minutes} present, or absent when {@code null} or zero. Announces {@link
     * AttendanceChanged} when the attended time changed. Throws {@link BusinessRuleException} for minutes longer than
     * the session or a session that has not started, {@link NotFoundException} when the person has no sign-up for
     * the session's activity.
     */
    @Transactional
    public boolean correct(long sessionId, long activityId, long personId, Integer minutes, long byUserId) {
        ActivityInfo activity = activities.activity(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
        SessionInfo session = activities.sessions(activityId).stream().filter(s -> s.id() == sessionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        if (!AttendanceWriter.started(session, java.time.Instant.now())) {
            throw new BusinessRuleException("attendance.notStarted");
        }
        List<Long> signUp = jdbc.queryForList("select id from sign_up where activity_id = ? and person_id = ?",
                Long.class, activityId, personId);
        if (signUp.isEmpty()) {
            throw new NotFoundException("SignUp", personId);
        }
        boolean attended = minutes != null && minutes > 0;
        return !writer.write(activity, session, List.of(new AttendanceWriter.Mark(signUp.getFirst(), personId, attended,
                attended ? minutes : null)), true, byUserId).isEmpty();
    }

    private static AttendanceLine line(ResultSet rs, int row) throws SQLException {
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        return new AttendanceLine(rs.getLong("project_id"), rs.getLong("person_id"), user, rs.getLong("activity_id"),
                rs.getLong("session_id"), rs.getDate("session_date").toLocalDate(), rs.getInt("minutes"),
                rs.getInt("session_minutes"));
    }
}
