package se.kompetensportal.shared.security;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters kept in the database, so that limits hold across application instances: failed logins per
 * account and per address, login links per e-mail address. A bucket is named by its key (such as
 * {@code login:anna@example.se}); its window starts with its first hit.
 */
@Component
public class RateLimiter {

    private final JdbcTemplate jdbc;

    public RateLimiter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one hit and tells whether the bucket is now over its limit. */
    public boolean hit(String key, int limit, Duration window) {
        Integer hits = jdbc.queryForObject("""
                insert into rate_limit (bucket_key, hits, window_start) values (?, 1, now())
                on conflict (bucket_key) do update set
                    hits = case when rate_limit.window_start < now() - make_interval(secs => ?) then 1
                                else rate_limit.hits + 1 end,
                    window_start = case when rate_limit.window_start < now() - make_interval(secs => ?) then now()
                                        else rate_limit.window_start end
                returning hits""", Integer.class, key, window.toSeconds(), window.toSeconds());
        return hits != null && hits > limit;
    }

    /** Whether the bucket has already used up its limit in the current window, without counting a hit. */
    public boolean isExhausted(String key, int limit, Duration window) {
        Integer hits = jdbc.query("""
                select hits from rate_limit where bucket_key = ? and window_start >= now() - make_interval(secs => ?)""",
                rs -> rs.next() ? rs.getInt(1) : 0, key, window.toSeconds());
        return hits != null && hits >= limit;
    }

    public void reset(String key) {
        jdbc.update("delete from rate_limit where bucket_key = ?", key);
    }

    /** Removes buckets whose window ended long ago. */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("delete from rate_limit where window_start < now() - make_interval(secs => ?)", age.toSeconds());
    }
}
