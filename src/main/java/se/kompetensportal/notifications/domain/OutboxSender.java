package se.kompetensportal.notifications.domain;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
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

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final String instance;
    private final OutboxMime mime;
    private final OutboxRows rows;
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
        this.mime = new OutboxMime(jdbc, properties);
        this.rows = new OutboxRows(jdbc, properties, instance, log);
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
            Optional<OutboxMime.Claimed> next;
            while ((next = rows.claimNext()).isPresent()) {
                database.succeeded();
                SendOutcome outcome = send(sender, next.get());
                if (outcome == SendOutcome.SERVER_UNREACHABLE) {
                    break;
                }
                if (outcome == SendOutcome.SENT) {
                    sent++;
                }
            }
            database.succeeded();
        } catch (RuntimeException e) {
            if (!ConnectionTrouble.isConnectionLoss(e)) {
                throw e;
            }
            rows.dropIdleConnections();
            database.failed(e);
        }
        return sent;
    }

    /** Steps 2 and 3: sends the claimed message and records the outcome. */
    private SendOutcome send(JavaMailSender sender, OutboxMime.Claimed message) {
        MimeMessage mime;
        try {
            mime = this.mime.toMime(sender, message);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && ConnectionTrouble.isConnectionLoss(r)) {
                throw r;
            }
            rows.failed(message, e);
            return SendOutcome.FAILED;
        }
        try {
            sender.send(mime);
        } catch (MailException e) {
            switch (SendOutcome.classify(e)) {
                case DELIVERED -> log.debug("Mail {} delivered; closing the connection failed", message.id());
                case SERVER_UNREACHABLE -> {
                    pauseForServer(message, e);
                    return SendOutcome.SERVER_UNREACHABLE;
                }
                default -> {
                    rows.failed(message, e);
                    return SendOutcome.FAILED;
                }
            }
        }
        if (smtpDown.compareAndSet(true, false)) {
            log.info("Mail sending resumed: the mail server can be reached again");
        }
        smtpPause = Duration.ZERO;
        rows.markSent(message);
        return SendOutcome.SENT;
    }

    /**
     * The mail server cannot be reached: the message goes back to the queue as it was, not counted as a failed attempt,
     * and this instance pauses sending for a while (15 seconds, doubling up to five minutes while it lasts).
     */
    private void pauseForServer(OutboxMime.Claimed message, MailException e) {
        rows.release(message);
        smtpPause = smtpPause.isZero() ? Duration.ofSeconds(15) : min(smtpPause.multipliedBy(2), Duration.ofMinutes(5));
        smtpPausedUntil.set(Instant.now().plus(smtpPause));
        if (smtpDown.compareAndSet(false, true)) {
            log.warn("Mail sending paused: the mail server cannot be reached ({}); retrying quietly until it can",
                    ConnectionTrouble.rootMessage(e));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The Message-ID of an outbox message: derived from the message alone, so every attempt carries the same one. */
    String messageId(long id, Instant createdAt) {
        return mime.messageId(id, createdAt);
    }

    /** Who claims a mail, for someone reading the table: the host (container) name, the process id, a random tag. */
    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        String name = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
