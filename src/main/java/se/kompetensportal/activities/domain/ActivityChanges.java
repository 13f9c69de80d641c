package se.kompetensportal.activities.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import se.kompetensportal.shared.web.PublicPageCache;

/**
 * The number of changes made to activities so far (their sessions, target groups and trainers included), kept by
 * database triggers in {@code activity_change_seq}. Cached public pages compare it with the number they were made at,
 * on every request: it is read over plain JDBC, the cheapest way there is, and once a request: what the page cache
 * read is what the page's own code (the catalogue's remembered filters) gets.
 */
@Component
public class ActivityChanges {

    private final JdbcTemplate jdbc;

    ActivityChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(PublicPageCache.VERSION_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST) instanceof Long read) {
            return read;
        }
        Long value = jdbc.queryForObject("select case when is_called then last_value else 0 end from activity_change_seq",
                Long.class);
        return value == null ? 0 : value;
    }
}
