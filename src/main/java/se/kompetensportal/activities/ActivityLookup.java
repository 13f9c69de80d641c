package se.kompetensportal.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch look-ups of activities for other modules' lists (one query per call, whatever the number of ids), so that they
 * never join the activity tables themselves. Unscoped: callers decide who may see the list they build.
 */
@Service
@Transactional(readOnly = true)
public class ActivityLookup {

    /** An activity as a line of someone else's list shows it. {@code firstSessionStart} is null without sessions. */
    public record ActivityHeading(long id, String title, Instant firstSessionStart) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ActivityLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The title and first session of these activities, by id; ids of no activity are left out. */
    public Map<Long, ActivityHeading> headings(Collection<Long> activityIds) {
        Map<Long, ActivityHeading> headings = new HashMap<>();
        if (activityIds.isEmpty()) {
            return headings;
        }
        jdbc.query("""
                select a.id, a.title, (select min(s.starts_at) from activity_session s where s.activity_id = a.id)
                from activity a where a.id in (:ids)""", new MapSqlParameterSource("ids", activityIds), rs -> {
            Timestamp first = rs.getTimestamp(3);
            headings.put(rs.getLong(1), new ActivityHeading(rs.getLong(1), rs.getString(2),
                    first == null ? null : first.toInstant()));
        });
        return headings;
    }
}
