package se.kompetensportal.participants;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance's summary for the participant figures (V24_1): per project, person and sign-up the first and last
 * date attended ({@code participant_span}), and the same per month ({@code participant_month}). Statement triggers on {@code attendance} keep it current whatever
 * writes attendance (the sheet, trainers, check-in, corrections, person merges and their undoing, erasure, a removed
 * session); {@link #rebuild} recomputes a project's rows from its attendance with the same result.
 * {@link ParticipantStatistics} reads it.
 */
@Component
public class ParticipantSummary {

    /** One row of the summary. */
    public record Row(LocalDate month, long personId, long signUpId, long activityId, LocalDate firstDate,
            LocalDate lastDate) {
    }

    /** A sign-up's first and last date attended. */
    public record Span(long personId, long signUpId, long activityId, LocalDate firstDate, LocalDate lastDate) {
    }

    private final JdbcTemplate jdbc;

    ParticipantSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's summary rows, in key order. */
    @Transactional(readOnly = true)
    public List<Row> rows(long projectId) {
        return jdbc.query("""
                select month, person_id, sign_up_id, activity_id, first_date, last_date from participant_month
                where project_id = ? order by month, person_id, sign_up_id, activity_id""",
                (rs, i) -> new Row(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()), projectId);
    }

    /** The project's spans, in key order. */
    @Transactional(readOnly = true)
    public List<Span> spans(long projectId) {
        return jdbc.query("""
                select person_id, sign_up_id, activity_id, first_date, last_date from participant_span
                where project_id = ? order by person_id, sign_up_id, activity_id""",
                (rs, i) -> new Span(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate()), projectId);
    }

    /**
     * Recomputes the project's rows from its attendance (under the lock the triggers take for the project) and
     * returns whether they differed from what the triggers had kept.
     */
    @Transactional
    public boolean rebuild(long projectId) {
        List<Row> before = rows(projectId);
        List<Span> spansBefore = spans(projectId);
        jdbc.queryForList("select participant_month_rebuild(?)", projectId);
        return !before.equals(rows(projectId)) || !spansBefore.equals(spans(projectId));
    }
}
