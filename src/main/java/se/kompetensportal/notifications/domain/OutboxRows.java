package se.kompetensportal.notifications.domain;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.scheduling.ConnectionTrouble;

/**
 * The outbox rows as {@link OutboxSender} moves them: claimed for a lease by one committed statement, marked sent (with
 * quick retries on a lost connection), failed with back-off, or released untouched when the mail server is away.
 * Logs under the sender's name.
 */
final class OutboxRows {

    private static final Duration[] MARK_RETRIES = {Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1),
            Duration.ofSeconds(2)};

    private final JdbcTemplate jdbc;
    private final MailProperties properties;
    private final String instance;
    private final Logger log;

    OutboxRows(JdbcTemplate jdbc, MailProperties properties, String instance, Logger log) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.instance = instance;
        this.log = log;
    }

    /** Step 1: claims the next due message for the lease, in one committed statement. */
    Optional<OutboxMime.Claimed> claimNext() {
        return jdbc.query("""
                update outbox_message set claimed_until = now() + make_interval(secs => ?), claimed_by = ?
                where id = (select id from outbox_message
                            where status = 'PENDING' and next_attempt_at <= now()
                              and (claimed_until is null or claimed_until <= now())
                            order by next_attempt_at, id limit 1
                            for update skip locked)
                returning id, created_at, recipient, subject, body_text, body_html, headers, attempts""",
                (rs, row) -> new OutboxMime.Claimed(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), OutboxMessage.parseHeaders(rs.getString("headers")),
                        rs.getInt("attempts")),
                (double) properties.claimLease().toMillis() / 1000, instance).stream().findFirst();
    }

    /**
     * Marks a delivered message sent. A lost connection is retried at once with a fresh one, within a few seconds
     * (well inside the lease); only if that fails too is the message sent again once its lease has run out.
     */
    void markSent(OutboxMime.Claimed message) {
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.update("""
                        update outbox_message set status = 'SENT', sent_at = now(), last_error = null,
                                                  claimed_until = null, claimed_by = null
                        where id = ?""", message.id());
                return;
            } catch (RuntimeException e) {
                if (ConnectionTrouble.isConnectionLoss(e)) {
                    dropIdleConnections();
                }
                if (!ConnectionTrouble.isConnectionLoss(e) || attempt >= MARK_RETRIES.length) {
                    log.warn("Mail {} was delivered but could not be recorded as sent ({}); it will be delivered once "
                            + "more, with the same Message-ID, when its claim runs out", message.id(),
                            e.getClass().getSimpleName());
                    throw e;
                }
                sleep(MARK_RETRIES[attempt]);
            }
        }
    }

    /**
     * After one pooled connection was found cut, the idle others most likely were too (a database restart, a network
     * fault): the pool replaces them, so the next attempt gets a live one rather than the next dead one.
     */
    void dropIdleConnections() {
        try {
            DataSource dataSource = jdbc.getDataSource();
            if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException e) {
            log.debug("Could not reach the connection pool", e);
        }
    }

    /** The server refused this message: counted as an attempt, retried with back-off, failed after the last. */
    void failed(OutboxMime.Claimed message, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("Sending mail {} to {} failed (attempt {}): {}", message.id(), message.recipient(),
                message.attempts() + 1, error);
        jdbc.update("""
                update outbox_message set attempts = attempts + 1, last_error = left(?, 1000),
                    status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                    next_attempt_at = now() + make_interval(mins => least(power(2, least(attempts + 1, 10))::int, 360)),
                    claimed_until = null, claimed_by = null
                where id = ?""", error, properties.maxAttempts(), message.id());
    }

    /** Puts the message back in the queue as it was, not counted as an attempt. */
    void release(OutboxMime.Claimed message) {
        jdbc.update("update outbox_message set claimed_until = null, claimed_by = null where id = ?", message.id());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a sent mail", e);
        }
    }
}
