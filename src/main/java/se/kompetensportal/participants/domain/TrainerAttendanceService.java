package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The trainer's attendance, on a phone: today's sessions of the activities they are linked to as trainer, the list of
 * one such session, a tap per person, and check-in by the code each participant has (scanned or typed). A trainer sees
 * and changes only today's sessions of their own activities; anything else answers 404, as if it did not exist.
 */
@Service
public class TrainerAttendanceService {

    /** A session of today on the trainer's start page. */
    public record TodaySession(long sessionId, long activityId, String title, LocalTime start, LocalTime end,
            String place, boolean started, long present, int seatHolders) {
    }

    /** Who was checked in, and where. */
    public record CheckIn(long sessionId, long activityId, String name, String activityTitle, LocalTime start,
            boolean alreadyPresent) {
    }

    private final ActivitiesApi activities;
    private final AttendanceService attendance;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TrainerAttendanceService(ActivitiesApi activities, AttendanceService attendance, JdbcTemplate jdbc, Clock clock) {
        this.activities = activities;
        this.attendance = attendance;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today's sessions of the signed-in trainer's activities, in time order. */
    @Transactional(readOnly = true)
    public List<TodaySession> todaysSessions(PortalUser user) {
        PortalUser trainer = trainer(user);
        LocalDate today = today();
        List<TodaySession> sessions = new ArrayList<>();
        for (ActivityInfo activity : activities.activities(activities.activitiesTaughtBy(trainer.id()))) {
            for (SessionInfo s : activities.sessions(activity.id())) {
                if (s.date().equals(today)) {
                    AttendanceSheet sheet = attendance.sheetOf(activity, s.id());
                    sessions.add(new TodaySession(s.id(), activity.id(), activity.title(), s.start(), s.end(),
                            sheet.place(), sheet.recordable(), sheet.present(), sheet.rows().size()));
                }
            }
        }
        sessions.sort(Comparator.comparing(TodaySession::start).thenComparing(TodaySession::title));
        return sessions;
    }

    @Transactional(readOnly = true)
    public AttendanceSheet sheet(PortalUser user, long sessionId) {
        return attendance.sheetOf(ownActivity(ownSession(user, sessionId)), sessionId);
    }

    @Transactional
    public void mark(PortalUser user, long sessionId, long signUpId, boolean attended, Integer minutes) {
        SessionInfo session = ownSession(user, sessionId);
        attendance.markIn(ownActivity(session), sessionId, signUpId, attended, minutes, user.id());
    }

    /**
     * Checks in the participant whose code was typed or scanned at one of today's sessions of the trainer's
     * activities: at {@code sessionId} when given (the list the trainer has open), else at the session of the code's
     * activity that is going on now (or the last one that started today).
     */
    @Transactional
    public CheckIn checkIn(PortalUser user, Long sessionId, String typed) {
        CheckIn found = preview(user, sessionId, typed);
        if (!found.alreadyPresent()) {
            long signUpId = signUpOf(CheckInCodes.normalise(typed));
            attendance.markIn(activities.activity(found.activityId()).orElseThrow(), found.sessionId(), signUpId, true,
                    null, user.id());
        }
        return found;
    }

    /** What {@link #checkIn} would do, without doing it (the page a scanned link opens first). */
    @Transactional(readOnly = true)
    public CheckIn preview(PortalUser user, Long sessionId, String typed) {
        PortalUser trainer = trainer(user);
        String code = CheckInCodes.normalise(typed);
        if (code == null) {
            throw new BusinessRuleException("checkIn.invalidCode");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select s.id, s.activity_id, s.person_id, p.first_name || ' ' || p.last_name as name
                from sign_up s join person p on p.id = s.person_id
                where s.check_in_code = ? and s.status = 'CONFIRMED'""", code);
        if (rows.isEmpty() || !activities.isTrainer(trainer.id(), ((Number) rows.getFirst().get("activity_id")).longValue())) {
            throw new BusinessRuleException("checkIn.unknownCode");
        }
        long activityId = ((Number) rows.getFirst().get("activity_id")).longValue();
        long personId = ((Number) rows.getFirst().get("person_id")).longValue();
        ActivityInfo activity = activities.activity(activityId).orElseThrow();
        SessionInfo session;
        if (sessionId != null) {
            session = ownSession(trainer, sessionId);
            if (session.activityId() != activityId) {
                throw new BusinessRuleException("checkIn.otherActivity", rows.getFirst().get("name"), activity.title());
            }
        } else {
            session = currentSession(activityId).orElseThrow(() -> new BusinessRuleException("checkIn.noSessionNow",
                    activity.title()));
        }
        if (!AttendanceWriter.started(session, clock.instant())) {
            throw new BusinessRuleException("attendance.notStarted");
        }
        Boolean present = jdbc.query("select attended from attendance where session_id = ? and person_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, session.id(), personId);
        return new CheckIn(session.id(), activityId, (String) rows.getFirst().get("name"), activity.title(),
                session.start(), Boolean.TRUE.equals(present));
    }

    private long signUpOf(String code) {
        return jdbc.queryForObject("select id from sign_up where check_in_code = ?", Long.class, code);
    }

    /** Today's session of the activity that has started and not ended, else the last that started today. */
    private java.util.Optional<SessionInfo> currentSession(long activityId) {
        LocalDate today = today();
        LocalTime now = LocalTime.now(clock.withZone(Formats.ZONE));
        return activities.sessions(activityId).stream()
                .filter(s -> s.date().equals(today) && !s.start().isAfter(now))
                .max(Comparator.comparing(SessionInfo::start));
    }

    private SessionInfo ownSession(PortalUser user, long sessionId) {
        PortalUser trainer = trainer(user);
        SessionInfo session = activities.session(sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
        if (!session.date().equals(today()) || !activities.isTrainer(trainer.id(), session.activityId())) {
            throw new NotFoundException("Session", sessionId);
        }
        return session;
    }

    private ActivityInfo ownActivity(SessionInfo session) {
        ActivityInfo activity = activities.activity(session.activityId()).orElseThrow();
        if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.COMPLETED) {
            throw new NotFoundException("Session", session.id());
        }
        return activity;
    }

    /** Today in Swedish time. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /** The acting user, if a trainer (403 otherwise, and when nobody is signed in). */
    private static PortalUser trainer(PortalUser user) {
        if (user == null) {
            throw new AccessDeniedException("Not signed in");
        }
        if (!user.hasRole(Role.TRAINER)) {
            throw new AccessDeniedException("Not a trainer: " + user.id());
        }
        return user;
    }
}
