package se.kompetensportal.participants;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance's per-person summary for the participant figures (V25_1): per project, person, track and target group
 * the days attended ({@code participant_days}), and per project and person their union ({@code participant_person}).
 * Statement triggers on {@code attendance} (and a row trigger on a sign-up's target group) keep it current whatever
 * writes attendance (the sheet, trainers, check-in, corrections, an activity moved to another track, person merges and
 * their undoing, erasure, a removed session); {@link #rebuild} recomputes a project's rows from its attendance with the
 * same result. {@link ParticipantStatistics} reads it.
 */
@Component
public class ParticipantSummary {

    /** A person's days in one track and target group ({@code 0}: none), the days in PostgreSQL's multirange text. */
    public record Row(long personId, long trackId, long targetGroupKey, LocalDate firstDate, LocalDate lastDate,
            String days) {
    }

    /** A person's days in the project. */
    public record Person(long personId, LocalDate firstDate, LocalDate lastDate, String days) {
    }

    private final JdbcTemplate jdbc;

    ParticipantSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's rows per track and target group, in key order. */
    @Transactional(readOnly = true)
    public List<Row> rows(long projectId) {
        return jdbc.query("""
                select person_id, track_id, target_group_key, first_date, last_date, days::text from participant_days
                where project_id = ? order by person_id, track_id, target_group_key""",
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(), rs.getString(6)), projectId);
    }

    /** The project's rows per person, in key order. */
    @Transactional(readOnly = true)
    public List<Person> persons(long projectId) {
        return jdbc.query("""
                select person_id, first_date, last_date, days::text from participant_person
                where project_id = ? order by person_id""",
                (rs, i) -> new Person(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        rs.getString(4)), projectId);
    }

    /**
     * Recomputes the project's rows from its attendance (under the lock the triggers take for the project) and
     * returns whether they differed from what the triggers had kept.
     */
    @Transactional
    public boolean rebuild(long projectId) {
        List<Row> before = rows(projectId);
        List<Person> personsBefore = persons(projectId);
        jdbc.queryForList("select participant_days_rebuild(?)", projectId);
        return !before.equals(rows(projectId)) || !personsBefore.equals(persons(projectId));
    }
}
