package se.kompetensportal.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.domain.ActivityPaths;

/**
 * Short public listings of activities for other modules' pages and mails (the public project pages, the start page,
 * the newsletter): only published activities, never a draft, a cancelled or a completed one. Each listing is one query.
 * Unscoped: everything listed here is in the public catalogue anyway.
 */
@Service
@Transactional(readOnly = true)
public class ActivityListings {

    /**
     * An activity as a listing shows it.
     *
     * @param place the venue's town (or name), or {@code null} when none is given (an online activity)
     * @param path  the activity's public page
     */
    public record ListedActivity(long id, long projectId, long trackId, String title, ActivityKind kind,
            Instant firstStart, Instant lastEnd, Instant registrationOpens, Instant registrationCloses, int seatsLeft,
            String place, String path) {
    }

    private static final String COLUMNS = """
            select a.id, a.project_id, a.track_id, a.title, a.kind, a.first_start, a.last_end, a.registration_opens,
                   a.registration_closes, greatest(a.seats - a.seats_taken, 0) as seats_left,
                   coalesce(a.venue_city, a.venue_name) as place
            from activity a
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ActivityListings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Published activities of the projects (all projects when {@code projectIds} is null) not yet ended, soonest first. */
    public List<ListedActivity> upcoming(Collection<Long> projectIds, Instant now, int limit) {
        if (projectIds != null && projectIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit);
        String projects = "";
        if (projectIds != null) {
            projects = " and a.project_id in (:projects)";
            params.addValue("projects", projectIds);
        }
        return jdbc.query(COLUMNS + " where a.status = 'PUBLISHED' and a.last_end > :now" + projects
                + " order by a.first_start, a.id limit :limit", params, ROW);
    }

    /**
     * Published activities of the project that open in the window [from, to): their first session starts in it, or
     * their registration opens in it. By track, then first session. What a newsletter lists as coming.
     */
    public List<ListedActivity> opening(long projectId, Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource("project", projectId)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        return jdbc.query(COLUMNS + """
                where a.project_id = :project and a.status = 'PUBLISHED' and a.last_end > :from
                  and ((a.first_start >= :from and a.first_start < :to)
                       or (a.registration_opens >= :from and a.registration_opens < :to))
                order by a.track_id, a.first_start, a.id""", params, ROW);
    }

    /** Of these activities, those still published (a cancelled or withdrawn one drops out of a draft before it goes). */
    public List<Long> stillPublished(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select id from activity where id in (:ids) and status = 'PUBLISHED'",
                new MapSqlParameterSource("ids", activityIds), Long.class);
    }

    /** The project's activities that may be linked from public text (published or completed), latest first. */
    public List<ListedActivity> linkable(long projectId) {
        return jdbc.query(COLUMNS + """
                where a.project_id = :project and a.status in ('PUBLISHED', 'COMPLETED') and a.published_at is not null
                order by a.first_start desc nulls last, a.id desc""", new MapSqlParameterSource("project", projectId), ROW);
    }

    /** These activities if they are public (published or completed), in no particular order. */
    public List<ListedActivity> publicActivities(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(COLUMNS + """
                where a.id in (:ids) and a.status in ('PUBLISHED', 'COMPLETED') and a.published_at is not null""",
                new MapSqlParameterSource("ids", activityIds), ROW);
    }

    private static final RowMapper<ListedActivity> ROW = (rs, n) -> new ListedActivity(rs.getLong("id"),
            rs.getLong("project_id"), rs.getLong("track_id"), rs.getString("title"),
            ActivityKind.valueOf(rs.getString("kind")), instant(rs.getTimestamp("first_start")),
            instant(rs.getTimestamp("last_end")), instant(rs.getTimestamp("registration_opens")),
            instant(rs.getTimestamp("registration_closes")), rs.getInt("seats_left"), rs.getString("place"),
            ActivityPaths.publicPath(rs.getLong("id"), rs.getString("title")));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
