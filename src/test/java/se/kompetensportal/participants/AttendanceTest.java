package se.kompetensportal.participants;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Attendance per session, the printable list, hours per month in whole hours, and the certificate. */
class AttendanceTest extends PortalIntegrationTest {

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

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void theSecretaryRecordsWhoCameAndNoShowsShow() throws Exception {
        long activity = fixtures.activities().activity("Närvaro " + System.nanoTime()).startInDays(-1).sessions(1).save();
        long came = signUp(activity, "Kom");
        long absent = signUp(activity, "Uteblev");
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        String page = "/admin/activities/" + activity + "/sessions/" + session + "/attendance";

        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kom Testsson")))
                // the employer's name comes from the projects module
                .andExpect(content().string(containsString("Kalmar kommun")));
        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf()).param("present", Long.toString(came)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select attended from attendance where session_id = ? order by sign_up_id",
                Boolean.class, session)).containsExactly(true, false);
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Uteblev")));

        // One tap on a phone, answered with just the row when htmx asks.
        mvc.perform(post(page + "/" + absent).with(users.demo("sekreterare")).with(csrf()).param("attended", "true")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"row-" + absent + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        assertThat(jdbc.queryForObject("select attended from attendance where session_id = ? and sign_up_id = ?",
                Boolean.class, session, absent)).isTrue();
    }

    @Test
    void aSessionThatHasNotStartedCannotBeMarked() throws Exception {
        long activity = fixtures.activities().activity("Framtid " + System.nanoTime()).startInDays(5).save();
        long signUp = signUp(activity, "Tidig");
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        mvc.perform(post("/admin/activities/" + activity + "/sessions/" + session + "/attendance")
                        .with(users.demo("sekreterare")).with(csrf()).param("present", Long.toString(signUp)))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from attendance where session_id = ?", Integer.class, session))
                .isZero();
    }

    @Test
    void thePrintableListHasEveryNameAndASignatureColumn() throws Exception {
        long activity = fixtures.activities().activity("Utskrift åäö " + System.nanoTime()).startInDays(3).save();
        signUp(activity, "Östen");
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        byte[] pdf = mvc.perform(get("/admin/activities/" + activity + "/sessions/" + session + "/attendance/list.pdf")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Närvarolista").contains("Östen Testsson").contains("Namnteckning")
                    .contains("Utskrift åäö");
        }
    }

    @Test
    void hoursPerMonthAreWholeHoursRoundedDownAndTheCertificateFollowsCompletion() throws Exception {
        // Three sessions of 7 hours in the past; attended two: 14 hours.
        long activity = fixtures.activities().activity("Timmar " + System.nanoTime()).startInDays(-30).sessions(3).save();
        String email = users.create(java.util.Set.of(se.kompetensportal.shared.security.Role.PARTICIPANT), null,
                java.util.Set.of());
        long person = fixtures.personFor(email, "Timmy");
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        var sessions = jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at",
                Long.class, activity);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/admin/activities/" + activity + "/sessions/" + sessions.get(i) + "/attendance/" + signUp)
                    .with(users.demo("sekreterare")).with(csrf()).param("attended", i < 2 ? "true" : "false"));
        }
        // Add 50 minutes in another row to check the rounding down: 14 h 50 min counts as 14 h in its month.
        jdbc.update("update attendance set minutes = minutes + 50, session_minutes = session_minutes + 50 where sign_up_id = ? and session_id = ?", signUp,
                sessions.getFirst());
        mvc.perform(get("/admin/people/" + person).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Deltagartimmar per månad")));
        Long whole = jdbc.queryForObject("""
                select sum(h) from (select floor(sum(minutes) / 60.0) as h from attendance
                                     where person_id = ? and attended group by date_trunc('month', session_date)) m""",
                Long.class, person);
        assertThat(whole).isIn(14L, 13L);

        mvc.perform(get("/my/activities/" + signUp + "/certificate.pdf").with(users.as(email)))
                .andExpect(status().isUnprocessableContent());
        jdbc.update("update activity set status = 'COMPLETED', completed_at = now() where id = ?", activity);
        byte[] pdf = mvc.perform(get("/my/activities/" + signUp + "/certificate.pdf").with(users.as(email)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Intyg om deltagande").contains("Timmy Testsson").contains("2 av 3");
        }
    }

    private long signUp(long activity, String name) {
        long person = fixtures.person(name, Gender.WOMAN);
        return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
    }
}
