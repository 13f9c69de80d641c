package se.kompetensportal.participants;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.ParticipantJobs;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An online activity has no venue. Every step that mails a participant about it works and the mails say nothing about
 * a place: signing up (seat and waiting list), the secretary adding someone, cancelling (the seat passes on), raising
 * the seats (someone is promoted) and the reminder job.
 */
class OnlineActivityMailsTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ParticipantJobs jobs;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void everyStepOfAnOnlineActivitysSignUpsMailsThePeopleConcerned() throws Exception {
        long activity = fixtures.activities().activity("Webbinarium " + System.nanoTime()).online().seats(1).save();
        String first = participant();
        String second = participant();
        mvc.perform(signUp(activity, first)).andExpect(status().isFound());
        mvc.perform(signUp(activity, second)).andExpect(status().isFound());
        String added = "online." + System.nanoTime() + "@example.se";
        mvc.perform(post("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")).with(csrf())
                        .param("email", added).param("firstName", "Olle").param("lastName", "Online")
                        .param("gender", "MAN").param("employerName", "Föreningen Nätet"))
                .andExpect(status().isFound());
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(1);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(2);

        long firstSignUp = signUpOf(activity, first);
        mvc.perform(post("/my/activities/" + firstSignUp + "/cancel").with(users.as(first)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/activities/" + activity + "/sign-ups/seats").with(users.demo("sekreterare"))
                .with(csrf()).param("seats", "2")).andExpect(status().isFound());
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(2);
        assertThat(fixtures.count(activity, "WAITING")).isZero();

        assertThat(categoriesTo(first)).containsExactlyInAnyOrder("participants.confirmed", "participants.cancelled");
        assertThat(categoriesTo(second)).containsExactlyInAnyOrder("participants.waiting", "participants.promoted");
        assertThat(categoriesTo(added)).containsExactlyInAnyOrder("participants.waiting", "participants.promoted");
        for (String to : List.of(first, second, added)) {
            for (String body : bodiesTo(to)) {
                assertThat(body).contains("https://meet.example.se/test").doesNotContain("null").doesNotContain("Plats:");
            }
        }
    }

    @Test
    void theReminderJobRemindsThoseSignedUpForAnOnlineActivity() throws Exception {
        long activity = fixtures.activities().activity("Webbinarium snart " + System.nanoTime()).online()
                .startInDays(1).save();
        String added = "online.snart." + System.nanoTime() + "@example.se";
        mvc.perform(post("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")).with(csrf())
                        .param("email", added).param("firstName", "Siv").param("lastName", "Snart")
                        .param("gender", "WOMAN").param("employerName", "Föreningen Nätet"))
                .andExpect(status().isFound());
        jobs.sendReminders();
        assertThat(categoriesTo(added)).containsExactlyInAnyOrder("participants.confirmed", "participants.reminder");
        assertThat(bodiesTo(added)).allSatisfy(body -> assertThat(body).doesNotContain("null"));
    }

    private String participant() {
        return users.create(Set.of(Role.PARTICIPANT), null, Set.of());
    }

    private MockHttpServletRequestBuilder signUp(long activity, String email) {
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        return post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                .param("firstName", "Nätta").param("lastName", "Deltagare").param("gender", "WOMAN")
                .param("employerOrganisationId", Long.toString(kalmar))
                .param("personalId", ParticipantFixtures.personalId());
    }

    private long signUpOf(long activity, String email) {
        return jdbc.queryForObject("""
                select s.id from sign_up s join person p on p.id = s.person_id
                where s.activity_id = ? and p.email = ?""", Long.class, activity, email);
    }

    private List<String> categoriesTo(String email) {
        return jdbc.queryForList("select category from outbox_message where recipient = ?", String.class, email);
    }

    private List<String> bodiesTo(String email) {
        return jdbc.queryForList("select body_text || coalesce(body_html, '') from outbox_message where recipient = ?", String.class,
                email);
    }
}
