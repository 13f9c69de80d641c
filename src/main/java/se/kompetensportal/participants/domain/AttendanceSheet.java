package se.kompetensportal.participants.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The attendance list of one session: who holds a seat, and whether they came ({@code null}: not yet recorded). */
public record AttendanceSheet(long activityId, String activityTitle, long projectId, long sessionId, LocalDate date,
        LocalTime start, LocalTime end, String place, boolean recordable, List<Row> rows, List<SessionRef> sessions) {

    public long present() {
        return rows.stream().filter(r -> Boolean.TRUE.equals(r.attended())).count();
    }

    public long absent() {
        return rows.stream().filter(r -> Boolean.FALSE.equals(r.attended())).count();
    }

    public record Row(long signUpId, long personId, String name, String organisation, Boolean attended) {
    }

    public record SessionRef(long id, LocalDate date, LocalTime start) {
    }
}
