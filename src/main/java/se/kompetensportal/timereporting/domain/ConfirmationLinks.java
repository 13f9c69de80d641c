package se.kompetensportal.timereporting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The single-use links in the confirmation mails: 256 random bits in the address, only their SHA-256 in the database.
 * A link works until it expires or until the participant answers for its month (then every link of the month is used).
 */
@Component
class ConfirmationLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token leads to. */
    record Link(long monthId, Instant expiresAt, Instant usedAt) {

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }

        boolean used() {
            return usedAt != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TimeReportingProperties properties;
    private final Clock clock;

    ConfirmationLinks(JdbcTemplate jdbc, TimeReportingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new link for the month; returns the token (the path segment of the link). */
    String create(long monthId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into time_link (token_hash, time_month_id, expires_at) values (?, ?, ?)", hash(token), monthId,
                Timestamp.from(expiresAt()));
        return token;
    }

    Instant expiresAt() {
        return clock.instant().plus(properties.linkValidFor());
    }

    Optional<Link> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("select time_month_id, expires_at, used_at from time_link where token_hash = ?",
                (rs, i) -> new Link(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), hash(token))
                .stream().findFirst();
    }

    /** The participant answered: every link of the month is spent. */
    void useAll(long monthId) {
        jdbc.update("update time_link set used_at = now() where time_month_id = ? and used_at is null", monthId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
