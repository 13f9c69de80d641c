package se.kompetensportal.participants;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing up, the waiting list, cancelling and the participant's own pages, as a participant meets them. */
class SignUpPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void aVisitorGivesNameAndAddressAndGetsALinkBackToTheSignUp() throws Exception {
        long activity = fixtures.activities().activity("Länkkurs " + System.nanoTime()).save();
        mvc.perform(get("/activities/" + activity + "/sign-up")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Skicka länk")));
        String email = "ny-" + System.nanoTime() + "@example.se";
        mvc.perform(post("/activities/" + activity + "/sign-up/link").with(csrf())
                        .param("name", "Nora Ny").param("email", email))
                .andExpect(redirectedUrl("/login/link-sent"));
        // No account yet: it is made when the link is used (LoginTest and ApplicantSignInTest follow a link through).
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email)).isZero();
        assertThat(jdbc.queryForObject("select role from pending_sign_up where email = ?", String.class, email))
                .isEqualTo("PARTICIPANT");
        String mail = jdbc.queryForObject("select body_text from outbox_message where recipient = ?", String.class, email);
        assertThat(mail).contains("/login/ott?token=").contains("continue=/activities/" + activity + "/sign-up");

        mvc.perform(post("/activities/" + activity + "/sign-up/link").with(csrf()).param("name", "").param("email", "x"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aFirstSignUpCreatesThePersonAndConfirmsWithMailAndCalendar() throws Exception {
        long activity = fixtures.activities().activity("Förstakurs " + System.nanoTime()).save();
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        var result = mvc.perform(signUp(activity, email).param("personalId", ParticipantFixtures.personalId()))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/my/activities/*")).andReturn();
        long signUp = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select personal_id_encrypted from person where email = ?", String.class, email))
                .startsWith("v1:").doesNotContain("9874");

        var mail = jdbc.queryForMap("select id, subject, body_text from outbox_message where recipient = ? "
                + "and category = 'participants.confirmed'", email);
        assertThat((String) mail.get("subject")).startsWith("Bekräftelse: Förstakurs");
        assertThat((String) mail.get("body_text")).contains("/sign-ups/").contains("09:00–16:00");
        assertThat(jdbc.queryForList("select filename from outbox_attachment where message_id = ? order by filename",
                String.class, mail.get("id"))).satisfiesExactly(ics -> assertThat(ics).endsWith(".ics"),
                        qr -> assertThat(qr).startsWith("incheckning-").endsWith(".png"));

        mvc.perform(get("/my/activities").with(users.as(email)))
                .andExpect(content().string(containsString("Förstakurs")));
        mvc.perform(get("/my/activities/" + signUp).with(users.as(email)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Avboka")));
    }

    @Test
    void theProjectRequiresAValidPersonalIdentityNumber() throws Exception {
        long activity = fixtures.activities().activity("Pnrkurs " + System.nanoTime()).save();
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(signUp(activity, email))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Projektet kräver personnummer")));
        mvc.perform(signUp(activity, email).param("personalId", "19811228-9875"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"personalId-error\"")))
                .andExpect(content().string(containsString("kontrollsiffran stämmer inte")));
        mvc.perform(post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                        .param("firstName", "Testa").param("lastName", "Deltagare").param("gender", "WOMAN")
                        .param("personalId", ParticipantFixtures.personalId()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj din arbetsgivare eller skriv dess namn.")));
        assertThat(fixtures.count(activity, "CONFIRMED")).isZero();
    }

    @Test
    void aFullActivityPutsPeopleOnTheWaitingListWithTheirPosition() throws Exception {
        long activity = fixtures.activities().activity("Fullkurs " + System.nanoTime()).seats(1).save();
        String first = participant();
        String second = participant();
        mvc.perform(signUp(activity, first).param("personalId", ParticipantFixtures.personalId())).andExpect(status().isFound());
        var result = mvc.perform(signUp(activity, second).param("personalId", ParticipantFixtures.personalId()))
                .andExpect(status().isFound()).andReturn();
        long waiting = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(fixtures.status(waiting)).isEqualTo("WAITING");
        mvc.perform(get("/my/activities/" + waiting).with(users.as(second)))
                .andExpect(content().string(containsString("Plats 1 i kön")));
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ?", String.class, second))
                .startsWith("Reservlista:");
    }

    @Test
    void aSecondSignUpAndAClosedRegistrationAreExplained() throws Exception {
        long activity = fixtures.activities().activity("Enkurs " + System.nanoTime()).save();
        String email = participant();
        mvc.perform(signUp(activity, email).param("personalId", ParticipantFixtures.personalId())).andExpect(status().isFound());
        mvc.perform(signUp(activity, email))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Du är redan anmäld")));

        long closed = fixtures.activities().activity("Stängd " + System.nanoTime()).startInDays(1).save();
        mvc.perform(signUp(closed, email))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("har stängt")));
        assertThat(fixtures.count(closed, "CONFIRMED")).isZero();
    }

    @Test
    void cancellingFreesTheSeatForTheFirstInLineWhoIsToldByMail() throws Exception {
        long activity = fixtures.activities().activity("Avbokning " + System.nanoTime()).seats(1).save();
        String holder = participant();
        String next = participant();
        long held = signedUp(activity, holder, ParticipantFixtures.personalId());
        long waiting = signedUp(activity, next, ParticipantFixtures.personalId());
        mvc.perform(post("/my/activities/" + held + "/cancel").with(users.as(holder)).with(csrf()))
                .andExpect(redirectedUrl("/my/activities"));
        assertThat(fixtures.status(held)).isEqualTo("CANCELLED");
        assertThat(fixtures.status(waiting)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForList("select subject from outbox_message where recipient = ?", String.class, next))
                .anySatisfy(s -> assertThat(s).startsWith("Du har fått en plats:"));
        mvc.perform(post("/my/activities/" + held + "/cancel").with(users.as(holder)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void afterTheDeadlineOnlyTheSecretaryCanCancel() throws Exception {
        long activity = fixtures.activities().activity("Sentkurs " + System.nanoTime()).startInDays(2).save();
        String email = participant();
        long signUp = jdbc.queryForObject("select nextval('sign_up_seq')", Long.class);
        long person = fixtures.personFor(email, "Sen");
        jdbc.update("insert into sign_up (id, activity_id, project_id, person_id, status, manage_token) "
                + "select ?, id, project_id, ?, 'CONFIRMED', ? from activity where id = ?", signUp, person,
                "token-" + signUp, activity);
        mvc.perform(post("/my/activities/" + signUp + "/cancel").with(users.as(email)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Sista dag för att avboka")));
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
    }

    @Test
    void anotherPersonsSignUpIsNotFound() throws Exception {
        long activity = fixtures.activities().activity("Privat " + System.nanoTime()).save();
        String owner = participant();
        String other = participant();
        long signUp = signedUp(activity, owner, ParticipantFixtures.personalId());
        fixtures.personFor(other, "Annan");
        mvc.perform(get("/my/activities/" + signUp).with(users.as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/my/activities/" + signUp + "/cancel").with(users.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my/activities/" + signUp + "/certificate.pdf").with(users.as(other)))
                .andExpect(status().isNotFound());
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
        mvc.perform(get("/my/activities").with(users.demo("sekreterare"))).andExpect(status().isForbidden());
        mvc.perform(get("/my/activities")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theLinkInTheMailShowsAndCancelsTheSignUpWithoutLogin() throws Exception {
        long activity = fixtures.activities().activity("Mejllänk " + System.nanoTime()).save();
        String email = participant();
        long signUp = signedUp(activity, email, ParticipantFixtures.personalId());
        String token = jdbc.queryForObject("select manage_token from sign_up where id = ?", String.class, signUp);
        mvc.perform(get("/sign-ups/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mejllänk")));
        mvc.perform(post("/sign-ups/" + token + "/cancel").with(csrf())).andExpect(redirectedUrl("/sign-ups/" + token));
        assertThat(fixtures.status(signUp)).isEqualTo("CANCELLED");
        mvc.perform(get("/sign-ups/not-a-real-token")).andExpect(status().isNotFound());
    }

    private String participant() {
        return users.create(Set.of(Role.PARTICIPANT), null, Set.of());
    }

    private long signedUp(long activity, String email, String personalId) throws Exception {
        var result = mvc.perform(signUp(activity, email).param("personalId", personalId))
                .andExpect(status().isFound()).andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signUp(long activity, String email) {
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        return post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                .param("firstName", "Testa").param("lastName", "Deltagare").param("gender", "WOMAN")
                .param("employerOrganisationId", Long.toString(kalmar)).param("specialNeeds", "Vegetarisk kost");
    }
}
