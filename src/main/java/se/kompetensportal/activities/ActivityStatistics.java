package se.kompetensportal.activities;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates over a project's activities for the indicators and the steering group's dashboard. An activity is held
 * when the secretary marked it completed (a cancelled one never counts); it falls in a period by the date of its last
 * session. Periods are inclusive dates in the portal's time zone.
 */
@Service
@Transactional(readOnly = true)
public class ActivityStatistics {

    /** Distinct trainers (by name) by gender, as in the activities module's gender balance. */
    public record TrainerGenders(long women, long men, long nonBinary) {
    }

    private static final String LOCAL_DAY = "(%s at time zone 'Europe/Stockholm')::date";

    private final JdbcTemplate jdbc;

    ActivityStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Completed activities (of the kind, or of any kind when {@code kind} is null) whose last session is in the period. */
    public long activitiesHeld(long projectId, ActivityKind kind, LocalDate from, LocalDate to) {
        Long n = jdbc.queryForObject("select count(*) from activity where project_id = ? and status = 'COMPLETED'"
                        + " and (cast(? as varchar) is null or kind = ?) and " + LOCAL_DAY.formatted("last_end")
                        + " between ? and ?", Long.class,
                projectId, kind == null ? null : kind.name(), kind == null ? null : kind.name(), Date.valueOf(from),
                Date.valueOf(to));
        return n == null ? 0 : n;
    }

    /** Completed activities per track whose last session is in the period. */
    public Map<Long, Long> activitiesHeldByTrack(long projectId, LocalDate from, LocalDate to) {
        Map<Long, Long> result = new HashMap<>();
        jdbc.query("select track_id, count(*) from activity where project_id = ? and status = 'COMPLETED' and "
                        + LOCAL_DAY.formatted("last_end") + " between ? and ? group by track_id",
                rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Trainers of the project's activities that are not cancelled and whose first session is in the period, each name
     * counted once per gender (a trainer who teaches ten courses is one trainer).
     */
    public TrainerGenders trainerGenders(long projectId, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("""
                select t.gender, count(distinct lower(t.name)) from activity_trainer t join activity a on a.id = t.activity_id
                where a.project_id = ? and a.status <> 'CANCELLED' and %s between ? and ?
                group by t.gender""".formatted(LOCAL_DAY.formatted("a.first_start")),
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return new TrainerGenders(counts.getOrDefault("WOMAN", 0L), counts.getOrDefault("MAN", 0L),
                counts.getOrDefault("NON_BINARY", 0L));
    }

    /** Activities of a kind (for the collaboration register's choice of forum): id and title, by first session. */
    public Map<Long, String> activitiesOfKind(long projectId, ActivityKind kind) {
        Map<Long, String> result = new java.util.LinkedHashMap<>();
        jdbc.query("select id, title from activity where project_id = ? and kind = ? and status <> 'CANCELLED'"
                        + " order by first_start nulls last, id",
                rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                }, projectId, kind.name());
        return result;
    }
}
