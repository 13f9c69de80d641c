package se.kompetensportal.shared.security;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters kept in the database, so that limits hold across application instances: failed logins per
 * account and client address, per client address and per account (with a growing wait, {@link #backoff}), login links
 * per e-mail address and per client address. A bucket is named by its key (such as
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
                insert into rate_limit (bucket_key, hits, window_start, last_hit) values (?, 1, now(), now())
                on conflict (bucket_key) do update set
                    hits = case when rate_limit.window_start < now() - make_interval(secs => ?) then 1
                                else rate_limit.hits + 1 end,
                    window_start = case when rate_limit.window_start < now() - make_interval(secs => ?) then now()
                                        else rate_limit.window_start end,
                    last_hit = now()
                returning hits""", Integer.class, bucket(key), window.toSeconds(), window.toSeconds());
        return hits != null && hits > limit;
    }

    /** Whether the bucket has already used up its limit in the current window, without counting a hit. */
    public boolean isExhausted(String key, int limit, Duration window) {
        Integer hits = jdbc.query("""
                select hits from rate_limit where bucket_key = ? and window_start >= now() - make_interval(secs => ?)""",
                rs -> rs.next() ? rs.getInt(1) : 0, bucket(key), window.toSeconds());
        return hits != null && hits >= limit;
    }

    /**
     * How long to wait before the next attempt, when hits beyond {@code free} in the current window each double the
     * wait (1 s, 2 s, 4 s … at most {@code cap}), counted from the latest hit; zero when no wait is due.
     */
    public Duration backoff(String key, int free, Duration window, Duration cap) {
        Duration wait = jdbc.query("""
                select hits, extract(epoch from (now() - last_hit)) from rate_limit
                where bucket_key = ? and window_start >= now() - make_interval(secs => ?)""",
                rs -> {
                    if (!rs.next() || rs.getInt(1) < free) {
                        return Duration.ZERO;
                    }
                    int doublings = Math.min(rs.getInt(1) - free, 20);
                    long due = Math.min(1L << doublings, cap.toSeconds());
                    long waited = (long) Math.floor(rs.getDouble(2));
                    return Duration.ofSeconds(Math.max(0, due - waited));
                }, bucket(key), window.toSeconds());
        return wait == null ? Duration.ZERO : wait;
    }

    public void reset(String key) {
        jdbc.update("delete from rate_limit where bucket_key = ?", bucket(key));
    }

    /** Keys hold e-mail addresses, which may be long: a long key is stored as its hash. */
    private static String bucket(String key) {
        if (key.length() <= 200) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return key.substring(0, 40) + "#" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes buckets whose window ended long ago. */
    public int purgeOlderThan(Duration age) {
        return jdbc.update("delete from rate_limit where window_start < now() - make_interval(secs => ?)", age.toSeconds());
    }
}
