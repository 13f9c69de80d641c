package se.kompetensportal.participants;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A participant sends a colleague in their place from the sign-up's link, until the cancellation deadline. */
class ColleagueTest extends PortalIntegrationTest {

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

    ParticipantFixtures fixtures;
    long activity;
    long signUp;
    long waiting;
    String token;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Kollega " + System.nanoTime()).seats(1).save();
        signUp = seats.signUp(activity, people.findById(fixtures.person("Ada", Gender.WOMAN)).orElseThrow(), null, null,
                true).signUpId();
        waiting = seats.signUp(activity, people.findById(fixtures.person("Vera", Gender.WOMAN)).orElseThrow(), null,
                null, true).signUpId();
        token = jdbc.queryForObject("select manage_token from sign_up where id = ?", String.class, signUp);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theColleagueTakesTheSeatGetsAConfirmationAndTheSecretaryIsTold() throws Exception {
        mvc.perform(get("/sign-ups/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skicka en kollega i stället")));
        mvc.perform(get("/sign-ups/" + token + "/colleague")).andExpect(status().isOk());
        String email = "kollega-" + System.nanoTime() + "@example.se";
        mvc.perform(post("/sign-ups/" + token + "/colleague").with(csrf()).param("firstName", "Kim")
                .param("lastName", "Kollega").param("email", email).param("employerName", "Kalmar kommun"))
                .andExpect(status().isFound());
        assertThat(fixtures.status(signUp)).isEqualTo("CANCELLED");
        assertThat(fixtures.status(waiting)).as("the seat went to the colleague, not the waiting list").isEqualTo("WAITING");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select s.status from sign_up s join person p on p.id = s.person_id where s.activity_id = ? and p.email = ?""",
                String.class, activity, email)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = 'participants.confirmed'",
                Integer.class, email)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_message where category = 'participants.colleague' and body_text like ?""",
                Integer.class, "%Kim Kollega (Kalmar kommun)%")).isPositive();
        mvc.perform(get("/sign-ups/" + token + "/colleague")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("redan avbokad")));
    }

    @Test
    void aColleagueAlreadySignedUpIsExplainedAndNothingChanges() throws Exception {
        String vera = jdbc.queryForObject("select p.email from person p join sign_up s on s.person_id = p.id where s.id = ?",
                String.class, waiting);
        mvc.perform(post("/sign-ups/" + token + "/colleague").with(csrf()).param("firstName", "Vera")
                .param("lastName", "Testsson").param("email", vera).param("employerName", "Kalmar kommun"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan anmäld")));
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
        mvc.perform(post("/sign-ups/" + token + "/colleague").with(csrf()).param("firstName", "")
                .param("lastName", "X").param("email", "inte-en-adress").param("employerName", "X"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void afterTheDeadlineOrWithABadLinkTheLinkIsExplained() throws Exception {
        mvc.perform(get("/sign-ups/okand-token/colleague")).andExpect(status().isNotFound());
        mvc.perform(post("/sign-ups/" + token + "/colleague").param("firstName", "Kim").param("lastName", "K")
                .param("email", "k@example.se").param("employerName", "X")).andExpect(status().isForbidden());
        clock.advance(Duration.ofDays(28));
        mvc.perform(get("/sign-ups/" + token + "/colleague")).andExpect(status().isGone())
                .andExpect(content().string(containsString("Sista dag för avbokning")));
        mvc.perform(post("/sign-ups/" + token + "/colleague").with(csrf()).param("firstName", "Kim").param("lastName", "K")
                .param("email", "k" + System.nanoTime() + "@example.se").param("employerName", "X"))
                .andExpect(status().isGone());
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
    }
}
