package se.kompetensportal.participants.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.participants.AttendanceChanged;
import se.kompetensportal.participants.AttendanceMonthLock;
import se.kompetensportal.shared.locks.ProjectWriterLock;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.Formats;

/**
 * Writes attendance marks of one session: the one place that changes the attendance table. A person marked present
 * attended the whole session unless minutes are given (arrived late, left early); a mark that leaves minutes out keeps
 * the minutes already recorded. Before a change that alters a person's attended time, every {@link
 * AttendanceMonthLock} is asked (unless the write is a correction by the module that fixed the month), and the people
 * whose attended time changed are announced with {@link AttendanceChanged} in the same transaction. Scope checks are
 * the caller's.
 */
@Component
public class AttendanceWriter {

    /** One person's mark: present or not, and the minutes present ({@code null}: the whole session, or as before). */
    public record Mark(long signUpId, long personId, boolean attended, Integer minutes) {
    }

    private record Recorded(boolean attended, int minutes) {

        int attendedMinutes() {
            return attended ? minutes : 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<AttendanceMonthLock> locks;
    private final ProjectWriterLock writerLock;

    AttendanceWriter(JdbcTemplate jdbc, ApplicationEventPublisher events, ObjectProvider<AttendanceMonthLock> locks,
            ProjectWriterLock writerLock) {
        this.jdbc = jdbc;
        this.events = events;
        this.locks = locks;
        this.writerLock = writerLock;
    }

    /** The session's length in minutes (a session that ends after midnight ends the next day). */
    public static int sessionMinutes(SessionInfo session) {
        long minutes = Duration.between(session.start(), session.end()).toMinutes();
        return (int) (minutes <= 0 ? minutes + 24 * 60 : minutes);
    }

    /** Whether the session has started (attendance can be recorded from its start on). */
    public static boolean started(SessionInfo session, Instant now) {
        return !session.date().atTime(session.start()).atZone(Formats.ZONE).toInstant().isAfter(now);
    }

    /**
     * Writes the marks; returns the people whose attended time changed. Throws {@link BusinessRuleException} when
     * minutes are outside 1 … the session's length, or when a lock refuses a change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> write(ActivityInfo activity, SessionInfo session, List<Mark> marks, boolean correction,
            Long byUserId) {
        int sessionMinutes = sessionMinutes(session);
        // One statement a mark, each taking the project's lock in its trigger: taken first (ProjectWriterLock).
        writerLock.lock(List.of(activity.projectId()));
        Map<Long, Recorded> before = new HashMap<>();
        jdbc.query("select person_id, attended, minutes from attendance where session_id = ?",
                rs -> {
                    before.put(rs.getLong(1), new Recorded(rs.getBoolean(2), rs.getInt(3)));
                }, session.id());
        List<Long> changed = new ArrayList<>();
        for (Mark mark : marks) {
            Recorded old = before.get(mark.personId());
            int minutes;
            if (!mark.attended()) {
                minutes = sessionMinutes;
            } else if (mark.minutes() != null) {
                minutes = mark.minutes();
            } else if (old != null && old.attended() && old.minutes() <= sessionMinutes) {
                minutes = old.minutes();
            } else {
                minutes = sessionMinutes;
            }
            if (minutes < 1 || minutes > sessionMinutes) {
                throw new BusinessRuleException("attendance.minutes.range", sessionMinutes);
            }
            Recorded now = new Recorded(mark.attended(), minutes);
            if (old != null && old.equals(now)) {
                continue;
            }
            boolean timeChanged = (old == null ? 0 : old.attendedMinutes()) != now.attendedMinutes();
            if (timeChanged && !correction) {
                locks.orderedStream().forEach(l -> l.beforeChange(activity.projectId(), mark.personId(), session.date()));
            }
            jdbc.update("""
                    insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id,
                                            session_date, minutes, session_minutes, attended, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                    on conflict (session_id, person_id) do update set attended = excluded.attended,
                        sign_up_id = excluded.sign_up_id, track_id = excluded.track_id, minutes = excluded.minutes,
                        session_minutes = excluded.session_minutes, session_date = excluded.session_date,
                        recorded_at = now(), recorded_by = excluded.recorded_by""",
                    session.id(), mark.personId(), mark.signUpId(), activity.id(), activity.projectId(), activity.trackId(),
                    session.date(),
                    minutes, sessionMinutes, mark.attended(), byUserId);
            if (timeChanged) {
                changed.add(mark.personId());
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new AttendanceChanged(activity.projectId(), activity.id(), session.id(), session.date(),
                    List.copyOf(changed)));
        }
        return changed;
    }

    /**
     * The activity moved to another track: its attendance rows carry the track they are counted under (the triggers of
     * V25_1 move the participants by track along). Hours and months are unchanged, so no lock is asked and nothing is
     * announced.
     */
    @Transactional
    public int moveToTrack(long activityId, long trackId) {
        return jdbc.update("update attendance set track_id = ? where activity_id = ? and track_id <> ?", trackId,
                activityId, trackId);
    }
}
