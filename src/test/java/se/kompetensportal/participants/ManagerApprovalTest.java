package se.kompetensportal.participants;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Manager approval: the participant names their manager, the seat is held (PENDING, counted as taken) while the
 * manager answers by a single-use link (404 unknown, 409 answered, 410 run out); approval confirms, a decline or no
 * answer in time (the job, through its @Scheduled method) cancels and hands the seat on to the next waiting.
 */
class ManagerApprovalTest extends PortalIntegrationTest {

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
    TestClock clock;
    @Autowired
    ApplicationContext context;

    ParticipantFixtures fixtures;
    long activity;

    @BeforeEach
    void fixtures() throws Exception {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Chefskurs " + System.nanoTime()).seats(1).save();
        mvc.perform(post("/admin/activities/" + activity + "/sign-up-settings").with(users.demo("sekreterare"))
                .with(csrf()).param("approval", "true").param("approvalDays", "3")).andExpect(status().isFound());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theManagerApprovesByTheLinkOnceAndTheSeatIsConfirmed() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(get("/activities/" + activity + "/sign-up").with(users.as(email)))
                .andExpect(content().string(containsString("Din chefs e-postadress")));
        mvc.perform(signUp(email).param("managerEmail", "")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("aktiviteten kräver chefens godkännande")));
        mvc.perform(signUp(email).param("managerEmail", "Chef@Kalmar.se")).andExpect(status().isFound());
        long signUp = signUpOf(email);
        assertThat(fixtures.status(signUp)).isEqualTo("PENDING");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        String token = jdbc.queryForObject("select token from manager_approval where sign_up_id = ?", String.class,
                signUp);
        assertThat(jdbc.queryForObject("select body_text from outbox_message where recipient = 'chef@kalmar.se' "
                + "and category = 'participants.manager-approval'", String.class)).contains("/approvals/" + token)
                .contains("Fråga Svarsson");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? "
                + "and category = 'participants.approval-pending'", Integer.class, email)).isOne();
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Väntar på chefens godkännande")));

        // While the manager is asked, the seat cannot be handed to a colleague.
        String manage = jdbc.queryForObject("select manage_token from sign_up where id = ?", String.class, signUp);
        mvc.perform(post("/sign-ups/" + manage + "/colleague").with(csrf()).param("firstName", "Kim")
                .param("lastName", "Kollega").param("email", "kim-" + System.nanoTime() + "@example.se")
                .param("employerName", "Kalmar kommun")).andExpect(status().isConflict());
        mvc.perform(get("/approvals/nonexistent")).andExpect(status().isNotFound());
        mvc.perform(get("/approvals/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Godkänn anmälan")));
        mvc.perform(post("/approvals/" + token + "/approve").with(csrf())).andExpect(redirectedUrl("/approvals/answered"));
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? "
                + "and category = 'participants.confirmed'", Integer.class, email)).isOne();
        mvc.perform(post("/approvals/" + token + "/decline").with(csrf())).andExpect(status().isConflict());
        mvc.perform(get("/approvals/" + token)).andExpect(status().isConflict());
    }

    @Test
    void aDeclineOrNoAnswerInTimeHandsTheSeatOnToTheNextWaiting() throws Exception {
        String first = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        String second = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        String third = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(signUp(first).param("managerEmail", "chef1@kalmar.se")).andExpect(status().isFound());
        mvc.perform(signUp(second).param("managerEmail", "chef2@kalmar.se")).andExpect(status().isFound());
        mvc.perform(signUp(third).param("managerEmail", "chef3@kalmar.se")).andExpect(status().isFound());
        assertThat(fixtures.status(signUpOf(second))).isEqualTo("WAITING");

        // The first one's manager declines: the seat goes to the second, held while their manager is asked.
        mvc.perform(post("/approvals/" + token(first) + "/decline").with(csrf())).andExpect(status().isFound());
        assertThat(fixtures.status(signUpOf(first))).isEqualTo("CANCELLED");
        assertThat(fixtures.status(signUpOf(second))).isEqualTo("PENDING");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'participants.approval-ended'", String.class, first)).contains("avböjde");

        // Nobody answers for the second and third: after three days the job releases the seat to the third.
        clock.advance(Duration.ofDays(2));
        approvalJobs();
        assertThat(fixtures.status(signUpOf(second))).isEqualTo("PENDING");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(get("/approvals/" + token(second))).andExpect(status().isGone());
        approvalJobs();
        assertThat(fixtures.status(signUpOf(second))).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'participants.approval-ended'", String.class, second)).contains("svarade inte i tid");
        // The third's approval ran out as well (asked at the same time), so nobody holds the seat now.
        assertThat(fixtures.status(signUpOf(third))).isEqualTo("CANCELLED");
        assertThat(fixtures.seatsTaken(activity)).isZero();
        mvc.perform(post("/approvals/" + token(second) + "/approve").with(csrf())).andExpect(status().isGone());
    }

    @Test
    void onlyTheProjectsStaffChangeTheSetting() throws Exception {
        String path = "/admin/activities/" + activity + "/sign-up-settings";
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(post(path).with(users.as(lfiSecretary)).with(csrf()).param("approval", "false"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        mvc.perform(post(path).with(users.demo("deltagare")).with(csrf()).param("approval", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).with(users.demo("sekreterare")).with(csrf()).param("approval", "true")
                .param("approvalDays", "99")).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select approval_days from sign_up_settings where activity_id = ?",
                Integer.class, activity)).isEqualTo(3);
    }

    private void approvalJobs() throws Exception {
        Object bean = context.getBean("approvalJobs");
        bean.getClass().getMethod("scheduledExpiry").invoke(bean);
    }

    private long signUpOf(String email) {
        return jdbc.queryForObject("""
                select s.id from sign_up s join person p on p.id = s.person_id
                join app_user u on u.id = p.user_id where s.activity_id = ? and u.email = ?""", Long.class,
                activity, email);
    }

    private String token(String email) {
        return jdbc.queryForObject("select token from manager_approval where sign_up_id = ?", String.class,
                signUpOf(email));
    }

    private MockHttpServletRequestBuilder signUp(String email) {
        return post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                .param("firstName", "Fråga").param("lastName", "Svarsson").param("gender", "WOMAN")
                .param("employerName", "Kalmar kommun").param("personalId", ParticipantFixtures.personalId());
    }
}
