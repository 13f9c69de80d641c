package se.kompetensportal.privacy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.privacy.domain.RetentionJob;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The nightly retention job, run through its scheduled method with the test clock moved: sensitive mails after 7 days,
 * other sent mails after 90, never a mail still to be sent; throttling rows, the identity-number view log, unused
 * non-staff accounts, old drafts, and a project's dialog-fund attachments and contacts after its keep-until date. A
 * second run does nothing.
 */
class RetentionJobTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RetentionJob job;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachKindOfPersonalDataGoesWhenItsTimeIsUpAndASecondRunDoesNothing() {
        long iko = users.projectId("IKO");
        long sensitive = mail(true, "SENT", 0, iko);
        long oldMail = mail(false, "SENT", 91, iko);
        long recentMail = mail(false, "SENT", 0, iko);
        long pending = mail(true, "PENDING", 200, iko);
        String bucket = "login:retention-" + System.nanoTime() + "@example.se";
        jdbc.update("insert into rate_limit (bucket_key, hits, window_start, last_hit) values (?, 1, now() - interval '3 days', "
                + "now() - interval '3 days')", bucket);
        long person = jdbc.queryForObject("select min(id) from person where erased_at is null", Long.class);
        long admin = jdbc.queryForObject("select id from app_user where email = 'admin@kompetensportal.example'", Long.class);
        long oldView = jdbc.queryForObject("select nextval('personal_id_access_seq')", Long.class);
        jdbc.update("insert into personal_id_access (id, person_id, user_id, at) values (?, ?, ?, now() - interval '800 days')",
                oldView, person, admin);
        String applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        long applicantId = jdbc.queryForObject("select id from app_user where email = ?", Long.class, applicant);
        jdbc.update("update app_user set created_at = now() - interval '4 years' where id = ?", applicantId);
        long ikoFund = jdbc.queryForObject("select min(id) from dialog_fund where project_id = ?", Long.class, iko);
        long submitted = application(ikoFund, applicantId, "SUBMITTED", applicant);
        long oldDraft = application(ikoFund, applicantId, "DRAFT", applicant);
        jdbc.update("update dialog_application set updated_at = now() - interval '2 years' where id = ?", oldDraft);
        long oldProject = project(LocalDate.now(Formats.ZONE).plusDays(2));
        long oldFund = jdbc.queryForObject("select nextval('dialog_fund_seq')", Long.class);
        jdbc.update("insert into dialog_fund (id, project_id, year, total_amount, remaining_amount, max_per_application) "
                + "values (?, ?, 2012, 1000, 1000, 100)", oldFund, oldProject);
        String staffApplicant = users.create(Set.of(Role.SECRETARY), null, Set.of());
        long staffId = jdbc.queryForObject("select id from app_user where email = ?", Long.class, staffApplicant);
        long expiredApplication = application(oldFund, staffId, "SUBMITTED", "kontakt-" + System.nanoTime() + "@example.se");
        jdbc.update("""
                insert into dialog_attachment (id, application_id, purpose, filename, content_type, size_bytes)
                values (nextval('dialog_attachment_seq'), ?, 'APPLICATION', 'foto.jpg', 'image/jpeg', 10)""",
                expiredApplication);

        clock.advance(Duration.ofDays(8));
        job.scheduledRetention();

        assertThat(exists("outbox_message", sensitive)).as("a link mail, after 7 days").isFalse();
        assertThat(exists("outbox_message", oldMail)).as("another mail, after 90 days").isFalse();
        assertThat(exists("outbox_message", recentMail)).isTrue();
        assertThat(exists("outbox_message", pending)).as("never a mail still to be sent").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit where bucket_key = ?", Integer.class, bucket))
                .isZero();
        assertThat(exists("personal_id_access", oldView)).isFalse();
        assertThat(exists("dialog_application", oldDraft)).isFalse();
        assertThat(jdbc.queryForObject("select email from app_user where id = ?", String.class, applicantId))
                .endsWith("@erased.invalid");
        assertThat(jdbc.queryForObject("select email from app_user where id = ?", String.class, staffId))
                .as("staff accounts are not erased for disuse").isEqualTo(staffApplicant);
        assertThat(jdbc.queryForObject("select count(*) from dialog_attachment where application_id = ?", Integer.class,
                expiredApplication)).as("past the project's keep-until date").isZero();
        assertThat(jdbc.queryForObject("select contact_email from dialog_application where id = ?", String.class,
                expiredApplication)).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select contact_email from dialog_application where id = ?", String.class, submitted)).isNull());
        assertThat(exists("dialog_application", submitted)).as("kept for the funder").isTrue();

        assertThat(job.run()).as("a second run finds nothing to do").isEmpty();
    }

    private boolean exists(String table, long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where id = ?", Integer.class, id) > 0;
    }

    private long mail(boolean sensitive, String status, int daysAgo, long project) {
        long id = jdbc.queryForObject("select nextval('outbox_message_seq')", Long.class);
        jdbc.update("""
                insert into outbox_message (id, created_at, project_id, category, sensitive, recipient, subject, body_text,
                    status, sent_at) values (?, now() - make_interval(days => ?), ?, 'test', ?, 'r@example.se', 'S', 'B', ?,
                    case when ? = 'SENT' then now() - make_interval(days => ?) end)""",
                id, daysAgo, project, sensitive, status, status, daysAgo);
        return id;
    }

    private long application(long fund, long owner, String status, String email) {
        long id = jdbc.queryForObject("select nextval('dialog_application_seq')", Long.class);
        boolean submitted = !status.equals("DRAFT");
        jdbc.update("""
                insert into dialog_application (id, fund_id, owner_id, status, reference, contact_name, contact_email,
                    contact_phone, title, amount_requested, submitted_at) values (?, ?, ?, ?, ?, 'Kontakt Person', ?,
                    '070-7654321', 'Gammalt', 1000, ?)""", id, fund, owner, status, submitted ? "R-" + id : null, email,
                submitted ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
        return id;
    }

    private long project(LocalDate keepUntil) {
        return transactions.execute(s -> {
            long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
            jdbc.update("insert into project (id, name, short_name, owner_organisation, start_date, end_date, keep_until) "
                    + "values (?, 'Utgånget projekt', 'UTG', 'X', '2010-01-01', '2012-12-31', ?)", id, keepUntil);
            return id;
        });
    }
}
