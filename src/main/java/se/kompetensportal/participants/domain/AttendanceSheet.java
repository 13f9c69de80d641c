package se.kompetensportal.participants.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The attendance list of one session: who holds a seat, and whether they came ({@code null}: not yet recorded) and for
 * how many of the session's minutes.
 */
public record AttendanceSheet(long activityId, String activityTitle, long projectId, long sessionId, LocalDate date,
        LocalTime start, LocalTime end, String place, boolean recordable, int sessionMinutes, List<Row> rows,
        List<SessionRef> sessions) {

    public long present() {
        return rows.stream().filter(r -> Boolean.TRUE.equals(r.attended())).count();
    }

    public long absent() {
        return rows.stream().filter(r -> Boolean.FALSE.equals(r.attended())).count();
    }

    /** @param minutes the minutes recorded as attended, or {@code null} when nothing is recorded */
    public record Row(long signUpId, long personId, String name, String organisation, Boolean attended,
            Integer minutes) {

        /** The minutes to show in the form: those recorded for someone present, else the whole session. */
        public int minutesOr(int sessionMinutes) {
            return Boolean.TRUE.equals(attended) && minutes != null ? minutes : sessionMinutes;
        }

        public boolean partial(int sessionMinutes) {
            return Boolean.TRUE.equals(attended) && minutes != null && minutes < sessionMinutes;
        }
    }

    public record SessionRef(long id, LocalDate date, LocalTime start) {
    }
}
