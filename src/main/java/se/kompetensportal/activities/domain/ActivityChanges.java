package se.kompetensportal.activities.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The number of changes made to activities so far (their sessions, target groups and trainers included), kept by
 * database triggers in {@code activity_change_seq}. Cached public pages compare it with the number they were made at,
 * on every request: it is read over plain JDBC, the cheapest way there is.
 */
@Component
public class ActivityChanges {

    private final JdbcTemplate jdbc;

    ActivityChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        Long value = jdbc.queryForObject("select case when is_called then last_value else 0 end from activity_change_seq",
                Long.class);
        return value == null ? 0 : value;
    }
}
