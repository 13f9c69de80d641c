package se.kompetensportal.privacy;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.indicators.domain.Dashboard;
import se.kompetensportal.indicators.domain.DashboardCache;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasing a person reaches every module through {@code PersonErased} and {@code AccountErased}: mails scrubbed or
 * cancelled, invitation and confirmation links dead, the account anonymised, dialog-fund contact data pseudonymised
 * (drafts deleted), the newsletter subscription gone; the dashboard's figures are exactly as before.
 */
class ErasureAcrossModulesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    DashboardService dashboards;
    @Autowired
    DashboardCache dashboardCache;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void erasureReachesEveryModuleAndKeepsTheDashboard() throws Exception {
        ParticipantFixtures fixtures = new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions));
        long project = users.projectId("IKO");
        String email = users.create(Set.of(Role.PARTICIPANT, Role.APPLICANT), null, Set.of());
        long userId = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        long person = fixtures.personFor(email, "Glömd");
        long activity = fixtures.activities().activity("Glömska " + System.nanoTime()).startInDays(-1).save();
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date, minutes, attended)
                select id, ?, ?, activity_id, (select project_id from activity where id = ?),
                       (select track_id from activity where id = ?), current_date, 420, true
                from activity_session where activity_id = ?""", person, signUp, activity, activity, activity);
        long sent = mail(email, "SENT", project);
        long pending = mail(email.toUpperCase(Locale.ROOT), "PENDING", project);
        long other = mail("someone-else-" + System.nanoTime() + "@example.se", "SENT", project);
        long evaluation = jdbc.queryForObject("select min(id) from evaluation", Long.class);
        long invitation = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        jdbc.update("insert into evaluation_invitation (id, evaluation_id, person_id) values (?, ?, ?)", invitation,
                evaluation, person);
        jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)", "h" + invitation, invitation);
        long month = jdbc.queryForObject("select nextval('time_month_seq')", Long.class);
        jdbc.update("""
                insert into time_month (id, project_id, person_id, month, minutes, status, sent_at)
                values (?, ?, ?, date '2001-01-01', 420, 'SENT', now())""", month, project, person);
        jdbc.update("insert into time_link (token_hash, time_month_id, expires_at) values (?, ?, now() + interval '9 days')",
                "t" + month, month);
        jdbc.update("""
                insert into newsletter_subscriber (id, project_id, email, status, source, user_id, unsubscribe_token,
                    requested_at, consent_at) values (nextval('newsletter_subscriber_seq'), ?, ?, 'CONFIRMED', 'PROFILE',
                    ?, ?, now(), now())""", project, email, userId, "u" + System.nanoTime());
        long fund = jdbc.queryForObject("select min(id) from dialog_fund where project_id = ?", Long.class, project);
        long draft = application(fund, userId, "DRAFT", email);
        long submitted = application(fund, userId, "SUBMITTED", email);

        Dashboard before = dashboard(project);
        mvc.perform(post("/admin/people/" + person + "/erase").with(users.demo("admin")).with(csrf()))
                .andExpect(status().isFound());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.queryForMap("select recipient, body_text, status from outbox_message where id = ?", sent))
                    .containsEntry("recipient", "erased@erased.invalid").containsEntry("body_text", "")
                    .containsEntry("status", "SENT");
            assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, pending))
                    .isEqualTo("CANCELLED");
            assertThat(jdbc.queryForObject("select count(*) from evaluation_link where invitation_id = ?", Integer.class,
                    invitation)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from time_link where time_month_id = ?", Integer.class,
                    month)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from newsletter_subscriber where user_id = ? or email = ?",
                    Integer.class, userId, email)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from dialog_application where id = ?", Integer.class, draft))
                    .isZero();
            assertThat(jdbc.queryForMap("select contact_name, contact_email, contact_phone from dialog_application "
                    + "where id = ?", submitted)).containsEntry("contact_name", "–").containsEntry("contact_email", null)
                    .containsEntry("contact_phone", null);
        });
        assertThat(jdbc.queryForObject("select recipient from outbox_message where id = ?", String.class, other))
                .startsWith("someone-else-");
        assertThat(jdbc.queryForMap("select email, enabled from app_user where id = ?", userId))
                .containsEntry("enabled", false).extractingByKey("email").asString().endsWith("@erased.invalid");
        assertThat(jdbc.queryForObject("select answered from evaluation_invitation where id = ?", Boolean.class,
                invitation)).as("the invitation still counts for the response rate").isFalse();
        assertThat(jdbc.queryForObject("select minutes from time_month where id = ?", Integer.class, month))
                .isEqualTo(420);
        Dashboard after = dashboard(project);
        // Every figure is as before but one: the erased person no longer subscribes to the newsletter, so the count of
        // subscribers today falls by exactly their subscription, as it would had they unsubscribed.
        assertThat(withoutSubscribers(after)).usingRecursiveComparison().isEqualTo(withoutSubscribers(before));
        assertThat(subscribers(after)).isEqualTo(subscribers(before) - 1);
    }

    private static Dashboard withoutSubscribers(Dashboard d) {
        return new Dashboard(d.project(), d.from(), d.to(), d.asOf(), d.uniqueParticipants(), d.indicators().stream()
                .filter(i -> i.kind() != IndicatorKind.NEWSLETTER_SUBSCRIBERS).toList(), d.curve(), d.breakdowns(),
                d.coFinancing());
    }

    private static double subscribers(Dashboard d) {
        return d.indicators().stream().filter(i -> i.kind() == IndicatorKind.NEWSLETTER_SUBSCRIBERS).findFirst()
                .orElseThrow().current().actual();
    }

    private Dashboard dashboard(long project) {
        var admin = users.principal("admin@kompetensportal.example");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
        dashboardCache.changed(project);
        return dashboards.dashboard(CurrentUser.require(), project, null, null, Locale.of("sv"));
    }

    private long mail(String recipient, String status, long project) {
        long id = jdbc.queryForObject("select nextval('outbox_message_seq')", Long.class);
        jdbc.update("""
                insert into outbox_message (id, project_id, category, recipient, subject, body_text, status, sent_at,
                    dedup_key) values (?, ?, 'test', ?, 'Hej', 'Hej Glömd', ?, case when ? = 'SENT' then now() end, ?)""",
                id, project, recipient, status, status, "test:" + recipient + ":" + id);
        return id;
    }

    private long application(long fund, long owner, String status, String email) {
        long id = jdbc.queryForObject("select nextval('dialog_application_seq')", Long.class);
        boolean submitted = !status.equals("DRAFT");
        jdbc.update("""
                insert into dialog_application (id, fund_id, owner_id, status, reference, contact_name, contact_email,
                    contact_phone, title, amount_requested, submitted_at) values (?, ?, ?, ?, ?, 'Glömd Testsson', ?,
                    '070-1234567', 'Glömt projekt', 1000, ?)""", id, fund, owner, status,
                submitted ? "T-" + id : null, email, submitted ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
        return id;
    }
}
