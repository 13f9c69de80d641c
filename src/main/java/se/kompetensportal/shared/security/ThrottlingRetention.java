package se.kompetensportal.shared.security;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.privacy.RetentionRule;

/** Throttling rows (keyed by e-mail and network addresses) go {@code kp.retention.throttling} after their last hit. */
@Component
class ThrottlingRetention implements RetentionRule {

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;

    ThrottlingRetention(JdbcTemplate jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "throttling";
    }

    @Override
    public int runBatch(RetentionContext context) {
        return jdbc.update("""
                delete from rate_limit where bucket_key in (select bucket_key from rate_limit
                    where coalesce(last_hit, window_start) < ? limit ?)""",
                Timestamp.from(context.now().minus(properties.throttling())), properties.batchSize());
    }
}
