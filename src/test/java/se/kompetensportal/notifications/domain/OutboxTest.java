package se.kompetensportal.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.notifications.MailAttachment;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Mails go through the outbox: written in the caller's transaction, sent once over SMTP, retried on failure. */
class OutboxTest extends PortalIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository messages;
    @Autowired
    OutboxAttachmentRepository attachments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailProperties properties;
    @Autowired
    Clock clock;

    @Test
    void aQueuedMailIsSentOnceWithTextHtmlAndAttachment() throws Exception {
        String to = unique();
        queue(to, "Hej från testet", null, new MailAttachment("kalender.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes()));
        sender.scheduledRun();
        sender.scheduledRun();

        List<MimeMessage> received = receivedBy(to);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Din inloggningslänk till Kompetensportalen");
        String raw = new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Multipart parts = (Multipart) mail.getContent();
        assertThat(flatten(parts)).anySatisfy(p -> assertThat(p.getFileName()).isEqualTo("kalender.ics"));
        assertThat(String.join("", flatten(parts).stream().map(OutboxTest::text).toList()))
                .contains("Hej från testet http://localhost:8080").contains("<p>Hej från testet</p>");
        assertThat(raw).isNotNull();
        assertThat(jdbc.queryForObject("select status from outbox_message where recipient = ?", String.class, to))
                .isEqualTo("SENT");
    }

    @Test
    void aMailIsOnlyQueuedInsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> outbox.enqueue(mail(unique(), "utan transaktion", null).build()))
                .isInstanceOf(IllegalTransactionStateException.class);
        String to = unique();
        try {
            transactions.executeWithoutResult(status -> {
                outbox.enqueue(mail(to, "återställs", null).build());
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the change was rolled back, and so was its mail
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, to))
                .isZero();
    }

    @Test
    void aDedupKeyQueuesAMailOnlyOnce() {
        String to = unique();
        String key = "test:" + to;
        Boolean first = transactions.execute(s -> outbox.enqueue(mail(to, "ett", null).dedupKey(key).build()));
        Boolean second = transactions.execute(s -> outbox.enqueue(mail(to, "två", null).dedupKey(key).build()));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void aMailTheServerRefusesIsRetriedWithBackOffAndFinallyMarkedFailed() {
        String to = unique();
        long id = queue(to, "studsar", null);
        JavaMailSenderImpl refusing = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
                if (to.equals(recipient(mimeMessages[0]))) {
                    throw new MailSendException(Map.of(mimeMessages[0], new SendFailedException("550 no such user")));
                }
                realMailSender().send(mimeMessages);
            }
        };
        OutboxSender failing = new OutboxSender(jdbc, provider(refusing), new MailProperties(null, null, 2, null));

        failing.scheduledRun();
        OutboxMessage afterFirst = messages.findById(id).orElseThrow();
        assertThat(afterFirst.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.getAttempts()).isEqualTo(1);
        assertThat(afterFirst.getNextAttemptAt()).isAfter(clock.instant().plusSeconds(60));
        assertThat(afterFirst.getLastError()).contains("550");

        jdbc.update("update outbox_message set next_attempt_at = now() where id = ?", id);
        failing.scheduledRun();
        assertThat(messages.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(receivedBy(to)).isEmpty();
    }

    @Test
    void aMailServerOutOfReachPausesSendingWithoutCountingAgainstTheMail() {
        String to = unique();
        long id = queue(to, "ingen server", null);
        jdbc.update("update outbox_message set next_attempt_at = now() - interval '1 day' where id = ?", id);
        JavaMailSenderImpl dead = new JavaMailSenderImpl();
        dead.setHost("127.0.0.1");
        dead.setPort(1);
        OutboxSender cutOff = new OutboxSender(jdbc, provider(dead), properties);
        cutOff.scheduledRun();

        Map<String, Object> row = jdbc.queryForMap("select status, attempts, claimed_until from outbox_message where id = ?", id);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(row.get("claimed_until")).as("given back at once").isNull();
        jdbc.update("update outbox_message set next_attempt_at = now() - interval '1 day' where id = ?", id);
        assertThat(cutOff.sendDue()).as("the instance that met the outage waits a while").isZero();
        sender.scheduledRun();
        assertThat(receivedBy(to)).hasSize(1);
    }

    /** Every attempt carries the same Message-ID, derived from the message, so a receiver can recognise a copy. */
    @Test
    void aMailCarriesAMessageIdDerivedFromTheMessage() throws Exception {
        String to = unique();
        long id = queue(to, "med id", null);
        sender.scheduledRun();
        Instant created = jdbc.queryForObject("select created_at from outbox_message where id = ?", Timestamp.class, id)
                .toInstant();
        assertThat(receivedBy(to).getFirst().getMessageID())
                .isEqualTo("<outbox." + id + "." + created.toEpochMilli() + "@kompetensportal.invalid>");
        mvc.perform(get("/admin/outbox/" + id).with(users.demo("admin")))
                .andExpect(content().string(containsString("outbox." + id + ".")));
    }

    /** By default a dead instance's claim runs out, and the next run of another instance's sender takes it over, within a minute. */
    @Test
    void byDefaultAnotherInstanceTakesADeadOnesMailOverWithinAMinute() {
        MailProperties defaults = new MailProperties(null, null, null, null);
        assertThat(defaults.claimLease().plus(defaults.sendInterval())).isLessThanOrEqualTo(java.time.Duration.ofMinutes(1));
    }

    /** A message claimed by an instance that died waits for its lease to run out, then any instance sends it. */
    @Test
    void aClaimLeftByADeadInstanceIsTakenOverWhenItsLeaseRunsOut() {
        String to = unique();
        long id = queue(to, "övertagen", null);
        jdbc.update("update outbox_message set claimed_by = 'dead', claimed_until = now() + interval '40 seconds' "
                + "where id = ?", id);
        sender.scheduledRun();
        assertThat(receivedBy(to)).as("while the lease runs").isEmpty();
        jdbc.update("update outbox_message set claimed_until = now() - interval '1 second' where id = ?", id);
        sender.scheduledRun();
        assertThat(receivedBy(to)).hasSize(1);
        assertThat(messages.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    /**
     * The database connection lost just after sending: recording the mail as sent is retried with a fresh
     * connection, and the mail goes out once. Only if the database stays away longer than those retries (or the
     * instance dies) is it sent again once its lease has run out, with the same Message-ID: the crash window.
     */
    @Test
    void aLostConnectionAfterSendingIsRetriedAndOnlyALongerOutageSendsTheMailTwiceWithOneMessageId()
            throws Exception {
        String shortOutage = unique();
        queue(shortOutage, "kort avbrott", null);
        new OutboxSender(failingMarks(id(shortOutage), 2), provider(realMailSender()), properties).scheduledRun();
        assertThat(receivedBy(shortOutage)).hasSize(1);
        assertThat(jdbc.queryForObject("select status from outbox_message where recipient = ?", String.class,
                shortOutage)).isEqualTo("SENT");

        String longOutage = unique();
        long id = queue(longOutage, "långt avbrott", null);
        new OutboxSender(failingMarks(id, 100), provider(realMailSender()), properties).scheduledRun();
        assertThat(receivedBy(longOutage)).hasSize(1);
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id))
                .isEqualTo("PENDING");
        sender.scheduledRun();
        assertThat(receivedBy(longOutage)).as("claimed until its lease runs out").hasSize(1);
        jdbc.update("update outbox_message set claimed_until = now() - interval '1 second' where id = ?", id);
        sender.scheduledRun();
        List<MimeMessage> copies = receivedBy(longOutage);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).getMessageID()).isEqualTo(copies.get(0).getMessageID());
    }

    /** A JdbcTemplate on the real database whose statements marking a mail sent fail as if the connection dropped. */
    private JdbcTemplate failingMarks(long messageId, int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        return new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int update(String sql, Object... args) {
                if (sql.contains("status = 'SENT'") && args[0].equals(messageId) && left.getAndDecrement() > 0) {
                    throw new DataAccessResourceFailureException("connection lost",
                            new SQLException("terminating connection due to administrator command", "57P01"));
                }
                return super.update(sql, args);
            }
        };
    }

    private long id(String recipient) {
        return jdbc.queryForObject("select id from outbox_message where recipient = ?", Long.class, recipient);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static JavaMailSenderImpl realMailSender() {
        JavaMailSenderImpl real = new JavaMailSenderImpl();
        real.setHost("127.0.0.1");
        real.setPort(TestMail.port());
        return real;
    }

    @Test
    void secretariesReadTheMailsOfTheirOwnProjectsOnly() throws Exception {
        long iko = users.projectId("2016/00175");
        String to = unique();
        long id = queue(to, "Om IKO", iko);
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));

        mvc.perform(get("/admin/outbox").with(users.demo("sekreterare"))).andExpect(content().string(containsString(to)));
        mvc.perform(get("/admin/outbox/" + id).with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Om IKO")));
        mvc.perform(get("/admin/outbox").with(users.as(lfiSecretary))).andExpect(content().string(not(containsString(to))));
        mvc.perform(get("/admin/outbox/" + id).with(users.as(lfiSecretary))).andExpect(status().isNotFound());
    }

    @Test
    void loginLinksInTheOutboxAreNotShownWhenMailIsReallySent() throws Exception {
        String to = unique();
        transactions.executeWithoutResult(s -> outbox.enqueue(OutgoingMail.to(to, Locale.of("sv")).template("test/hello")
                .variable("greeting", "hemlig länk").subject("mail.loginLink.subject").category("accounts.login-link")
                .sensitive().build()));
        long id = jdbc.queryForObject("select id from outbox_message where recipient = ?", Long.class, to);
        mvc.perform(get("/admin/outbox/" + id).with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("hemlig länk"))));
        mvc.perform(get("/admin/outbox/" + id + "/html").with(users.demo("admin"))).andExpect(status().isForbidden());
    }

    private long queue(String to, String greeting, Long projectId, MailAttachment... files) {
        transactions.executeWithoutResult(s -> {
            OutgoingMail.Builder builder = mail(to, greeting, projectId);
            Arrays.stream(files).forEach(builder::attach);
            outbox.enqueue(builder.build());
        });
        return jdbc.queryForObject("select id from outbox_message where recipient = ?", Long.class, to);
    }

    private static OutgoingMail.Builder mail(String to, String greeting, Long projectId) {
        return OutgoingMail.to(to, Locale.of("sv")).template("test/hello").variable("greeting", greeting)
                .subject("mail.loginLink.subject").category("test.hello").project(projectId);
    }

    private static List<MimeMessage> receivedBy(String to) {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<BodyPart> flatten(Multipart multipart) throws Exception {
        List<BodyPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(flatten(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String text(BodyPart part) {
        try {
            return part.getContent() instanceof String s ? s : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }
        };
    }

    private static String unique() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    }
}
