package se.kompetensportal.notifications.domain;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.scheduling.ConnectionTrouble;

/**
 * Sends due mails over SMTP, one message at a time, in three steps that each stand alone:
 * <ol>
 * <li><b>claim</b>: one committed statement marks the message as taken by this instance for a short lease
 *     ({@code kp.mail.claim-lease}); rows another instance holds are skipped, not waited for;</li>
 * <li><b>send</b>, with a {@code Message-ID} derived from the message, the same on every attempt;</li>
 * <li><b>mark sent</b>, a commit of its own, retried a few times at once if the connection was lost.</li>
 * </ol>
 * So a message is delivered once, except when an instance dies (or loses the database for good) between sending and
 * marking: that one message is sent again after its lease has run out, with the same {@code Message-ID}, so the
 * receiver can recognise the copy. A dead instance's claim runs out within the lease, and any instance then takes the
 * message over; there is no job lock to wait for. Every instance runs the sender; they share the work.
 *
 * <p>A message the mail server refuses is retried with exponential back-off until {@code kp.mail.max-attempts}, then
 * marked failed. A mail server or database that cannot be reached pauses sending: one log line when it starts, one
 * when it is over, and the message is not counted as failed. Without an SMTP server ({@code spring.mail.host}) the
 * job does nothing and the outbox page is the mailbox.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** Pauses before each new attempt to record a sent mail after a lost connection: a few seconds in all. */
    private static final Duration[] MARK_RETRIES = {Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1),
            Duration.ofSeconds(2)};

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final String instance;
    private final String messageIdDomain;
    private final AtomicBoolean toldNoSmtp = new AtomicBoolean();
    private final ConnectionTrouble database = new ConnectionTrouble(log, "Mail sending");
    private final AtomicReference<Instant> smtpPausedUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicBoolean smtpDown = new AtomicBoolean();
    private volatile Duration smtpPause = Duration.ZERO;

    OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, MailProperties properties) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.instance = instanceName();
        this.messageIdDomain = domainOf(properties.from());
    }

    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${kp.mail.send-interval:PT10S}", initialDelayString = "PT5S")
    public void scheduledRun() {
        sendDue();
    }

    /** Sends what is due, one message after another; returns how many mails were sent. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (toldNoSmtp.compareAndSet(false, true)) {
                log.info("No SMTP server configured (spring.mail.host): mails stay in the outbox");
            }
            return 0;
        }
        if (Instant.now().isBefore(smtpPausedUntil.get())) {
            return 0;
        }
        int sent = 0;
        try {
            Optional<Claimed> next;
            while ((next = claimNext()).isPresent()) {
                database.succeeded();
                Outcome outcome = send(sender, next.get());
                if (outcome == Outcome.SERVER_UNREACHABLE) {
                    break;
                }
                if (outcome == Outcome.SENT) {
                    sent++;
                }
            }
            database.succeeded();
        } catch (RuntimeException e) {
            if (!ConnectionTrouble.isConnectionLoss(e)) {
                throw e;
            }
            dropIdleConnections();
            database.failed(e);
        }
        return sent;
    }

    /** Step 1: claims the next due message for the lease, in one committed statement. */
    private Optional<Claimed> claimNext() {
        return jdbc.query("""
                update outbox_message set claimed_until = now() + make_interval(secs => ?), claimed_by = ?
                where id = (select id from outbox_message
                            where status = 'PENDING' and next_attempt_at <= now()
                              and (claimed_until is null or claimed_until <= now())
                            order by next_attempt_at, id limit 1
                            for update skip locked)
                returning id, created_at, recipient, subject, body_text, body_html, headers, attempts""",
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
                        rs.getString("body_html"), OutboxMessage.parseHeaders(rs.getString("headers")),
                        rs.getInt("attempts")),
                (double) properties.claimLease().toMillis() / 1000, instance).stream().findFirst();
    }

    /** Steps 2 and 3: sends the claimed message and records the outcome. */
    private Outcome send(JavaMailSender sender, Claimed message) {
        MimeMessage mime;
        try {
            mime = toMime(sender, message);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && ConnectionTrouble.isConnectionLoss(r)) {
                throw r;
            }
            failed(message, e);
            return Outcome.FAILED;
        }
        try {
            sender.send(mime);
        } catch (MailException e) {
            switch (classify(e)) {
                case DELIVERED -> log.debug("Mail {} delivered; closing the connection failed", message.id());
                case SERVER_UNREACHABLE -> {
                    pauseForServer(message, e);
                    return Outcome.SERVER_UNREACHABLE;
                }
                default -> {
                    failed(message, e);
                    return Outcome.FAILED;
                }
            }
        }
        if (smtpDown.compareAndSet(true, false)) {
            log.info("Mail sending resumed: the mail server can be reached again");
        }
        smtpPause = Duration.ZERO;
        markSent(message);
        return Outcome.SENT;
    }

    /**
     * Marks a delivered message sent. A lost connection is retried at once with a fresh one, within a few seconds
     * (well inside the lease); only if that fails too is the message sent again once its lease has run out.
     */
    private void markSent(Claimed message) {
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
    private void dropIdleConnections() {
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
    private void failed(Claimed message, Exception e) {
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

    /**
     * The mail server cannot be reached: the message goes back to the queue as it was, not counted as a failed attempt,
     * and this instance pauses sending for a while (15 seconds, doubling up to five minutes while it lasts).
     */
    private void pauseForServer(Claimed message, MailException e) {
        jdbc.update("update outbox_message set claimed_until = null, claimed_by = null where id = ?", message.id());
        smtpPause = smtpPause.isZero() ? Duration.ofSeconds(15) : min(smtpPause.multipliedBy(2), Duration.ofMinutes(5));
        smtpPausedUntil.set(Instant.now().plus(smtpPause));
        if (smtpDown.compareAndSet(false, true)) {
            log.warn("Mail sending paused: the mail server cannot be reached ({}); retrying quietly until it can",
                    ConnectionTrouble.rootMessage(e));
        }
    }

    /** What a failed send means: delivered after all, the server out of reach, or this message refused. */
    static Outcome classify(MailException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Failed to close server connection after message sending")) {
            return Outcome.DELIVERED;
        }
        if (e instanceof MailAuthenticationException || message.startsWith("Mail server connection failed")) {
            return Outcome.SERVER_UNREACHABLE;
        }
        List<Throwable> causes = new java.util.ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(List.of(send.getMessageExceptions()));
        }
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SendFailedException) {
                    return Outcome.FAILED;
                }
                if (t instanceof IOException) {
                    return Outcome.SERVER_UNREACHABLE;
                }
            }
        }
        return Outcome.FAILED;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private MimeMessage toMime(JavaMailSender sender, Claimed message) throws MessagingException, IOException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.bodyHtml() != null) {
            helper.setText(message.bodyText(), message.bodyHtml());
        } else {
            helper.setText(message.bodyText(), false);
        }
        for (Attachment file : attachments(message.id())) {
            helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
        }
        mime.setHeader("Auto-Submitted", "auto-generated");
        // Kept by JavaMailSenderImpl (it restores an explicit Message-ID after saveChanges), so a re-send carries it.
        mime.setHeader("Message-ID", messageId(message.id(), message.createdAt()));
        for (Map.Entry<String, String> header : message.extraHeaders().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    private List<Attachment> attachments(long messageId) {
        return jdbc.query("select filename, content_type, content from outbox_attachment where message_id = ? order by id",
                (rs, row) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), messageId);
    }

    /** The Message-ID of an outbox message: derived from the message alone, so every attempt carries the same one. */
    String messageId(long id, Instant createdAt) {
        return "<outbox." + id + "." + createdAt.toEpochMilli() + "@" + messageIdDomain + ">";
    }

    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "kompetensportal.invalid" : address.substring(at + 1);
        } catch (AddressException e) {
            return "kompetensportal.invalid";
        }
    }

    /** Who claims a mail, for someone reading the table: the host (container) name, the process id, a random tag. */
    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        String name = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a sent mail", e);
        }
    }

    enum Outcome { SENT, DELIVERED, FAILED, SERVER_UNREACHABLE }

    private record Claimed(long id, Instant createdAt, String recipient, String subject, String bodyText,
            String bodyHtml, Map<String, String> extraHeaders, int attempts) {
    }

    private record Attachment(String filename, String contentType, byte[] content) {
    }
}
