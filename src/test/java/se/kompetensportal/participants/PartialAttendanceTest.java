package se.kompetensportal.participants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

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
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Partial attendance (minutes per person and session, the whole session by default), sessions that have not started,
 * and completion only after the last session.
 */
class PartialAttendanceTest extends PortalIntegrationTest {

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
    void theListRecordsMinutesForThoseWhoCameLateAndTheWholeSessionForTheOthers() throws Exception {
        LocalDate yesterday = LocalDate.now(Formats.ZONE).minusDays(1);
        long activity = fixtures.activities().activity("Delvis " + System.nanoTime())
                .sessionAt(yesterday, LocalTime.of(9, 0), LocalTime.of(12, 30)).save();
        long late = signUp(activity, "Sen");
        long whole = signUp(activity, "Hel");
        long session = session(activity);
        String page = "/admin/activities/" + activity + "/sessions/" + session + "/attendance";

        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf())
                        .param("present", Long.toString(late), Long.toString(whole))
                        .param("minutes[" + late + "]", "150").param("minutes[" + whole + "]", ""))
                .andExpect(status().isFound());
        assertThat(minutes(session, late)).isEqualTo(150);
        assertThat(minutes(session, whole)).isEqualTo(210);
        assertThat(jdbc.queryForObject("select session_minutes from attendance where session_id = ? and sign_up_id = ?",
                Integer.class, session, late)).isEqualTo(210);
        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kom, 150 av 210 min")))
                .andExpect(content().string(containsString("value=\"150\"")));

        // One tap with the row's minutes: arrived later still.
        mvc.perform(post(page + "/" + late).with(users.demo("sekreterare")).with(csrf())
                        .param("attended", "true").param("minutes[" + late + "]", "90").header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kom, 90 av 210 min")));
        assertThat(minutes(session, late)).isEqualTo(90);
        // A tap without minutes keeps what was recorded.
        mvc.perform(post(page + "/" + late).with(users.demo("sekreterare")).with(csrf()).param("attended", "true"))
                .andExpect(status().isFound());
        assertThat(minutes(session, late)).isEqualTo(90);
    }

    @Test
    void minutesOutsideTheSessionAreRefusedWithWhatWasTypedKept() throws Exception {
        long activity = fixtures.activities().activity("Fel minuter " + System.nanoTime()).startInDays(-2).save();
        long a = signUp(activity, "Ada");
        long b = signUp(activity, "Bea");
        long session = session(activity);
        String page = "/admin/activities/" + activity + "/sessions/" + session + "/attendance";

        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf())
                        .param("present", Long.toString(a), Long.toString(b))
                        .param("minutes[" + a + "]", "500").param("minutes[" + b + "]", "tre timmar"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"500\"")))
                .andExpect(content().string(containsString("value=\"tre timmar\"")))
                .andExpect(content().string(containsString("Ange minuter från 1 till tillfällets längd, 420 minuter.")));
        assertThat(jdbc.queryForObject("select count(*) from attendance where session_id = ?", Integer.class, session))
                .isZero();

        mvc.perform(post(page + "/" + a).with(users.demo("sekreterare")).with(csrf()).param("attended", "true")
                        .param("minutes", "0"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(page + "/" + a).with(users.demo("sekreterare")).with(csrf()).param("attended", "true")
                        .param("minutes", "x"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from attendance where session_id = ?", Integer.class, session))
                .isZero();
    }

    @Test
    void aSessionLaterTodayCannotBeMarkedYet() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        long activity = fixtures.activities().activity("Senare idag " + System.nanoTime())
                .sessionBetween(start, start.plus(Duration.ofHours(2))).save();
        long signUp = signUp(activity, "Tidig");
        long session = session(activity);
        mvc.perform(post("/admin/activities/" + activity + "/sessions/" + session + "/attendance/" + signUp)
                        .with(users.demo("sekreterare")).with(csrf()).param("attended", "true"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/activities/" + activity + "/sessions/" + session + "/attendance")
                        .with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tillfället har inte börjat")));
        assertThat(jdbc.queryForObject("select count(*) from attendance where session_id = ?", Integer.class, session))
                .isZero();
    }

    @Test
    void anActivityIsCompletedOnlyOnceItsLastSessionHasEnded() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long running = fixtures.activities().activity("Pågår " + System.nanoTime())
                .sessionBetween(now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(7)).plus(Duration.ofHours(3)))
                .sessionBetween(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))).save();
        long signUp = signUp(running, "Pågående");
        long started = jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at",
                Long.class, running).get(1);
        // The session has started, so attendance can be recorded ...
        mvc.perform(post("/admin/activities/" + running + "/sessions/" + started + "/attendance/" + signUp)
                        .with(users.demo("sekreterare")).with(csrf()).param("attended", "true"))
                .andExpect(status().isFound());
        // ... but the activity is not over.
        mvc.perform(post("/admin/activities/" + running + "/complete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("först när dess sista tillfälle har slutat")));
        assertThat(jdbc.queryForObject("select status from activity where id = ?", String.class, running))
                .isEqualTo("PUBLISHED");

        // Its evaluation cannot be sent early either (an evaluation created by hand for it).
        jdbc.update("update activity set status = 'COMPLETED', completed_at = now() where id = ?", running);
        long evaluation = jdbc.queryForObject("""
                insert into evaluation (id, activity_id, project_id, track_id, status)
                select nextval('survey_seq'), id, project_id, track_id, 'DRAFT' from activity where id = ?
                on conflict (activity_id) where kind = 'COURSE_EVALUATION' do update set status = 'DRAFT' returning id""", Long.class, running);
        mvc.perform(post("/admin/evaluations/" + evaluation + "/send").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("först när aktivitetens sista tillfälle har slutat")));
    }

    private long signUp(long activity, String name) {
        long person = fixtures.person(name, Gender.WOMAN);
        return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
    }

    private long session(long activity) {
        return jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
    }

    private int minutes(long session, long signUp) {
        return jdbc.queryForObject("select minutes from attendance where session_id = ? and sign_up_id = ?",
                Integer.class, session, signUp);
    }
}
