package se.kompetensportal.participants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

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
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Trainers: linked to an account by the secretary, they see today's sessions of their own activities on /trainer, tap
 * people present or check them in by the code in their QR code, and nothing of anyone else's activities.
 */
class TrainerAttendanceTest extends PortalIntegrationTest {

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
    void theSecretaryLinksATrainerToAnAccountThatThenHasTheTrainerRole() throws Exception {
        long activity = fixtures.activities().activity("Koppla " + System.nanoTime()).startInDays(10)
                .trainers(se.kompetensportal.activities.domain.TrainerGender.WOMAN).save();
        long trainer = jdbc.queryForObject("select id from activity_trainer where activity_id = ?", Long.class, activity);
        String email = "utbildare-" + System.nanoTime() + "@example.se";
        String page = "/admin/activities/" + activity + "/trainers/" + trainer + "/account";

        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf()).param("email", "inte en adress"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"inte en adress\"")));
        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf()).param("email", email))
                .andExpect(status().isFound());
        assertThat(users.principal(email).roles()).contains(Role.TRAINER);
        mvc.perform(get("/admin/activities/" + activity).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString(email)));

        // A secretary of another project may not.
        String other = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(post(page).with(users.as(other)).with(csrf()).param("email", ""))
                .andExpect(status().isForbidden());
        mvc.perform(post(page).with(users.demo("sekreterare")).with(csrf()).param("email", ""))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select user_id from activity_trainer where id = ?", Long.class, trainer)).isNull();
    }

    @Test
    void aTrainerSeesAndMarksOnlyTodaysSessionsOfTheirOwnActivities() throws Exception {
        Course mine = course("Min kurs");
        Course theirs = course("Annans kurs");
        String trainer = trainerOf(mine.activity);
        long yesterday = fixtures.activities().activity("Igår " + System.nanoTime())
                .sessionAt(LocalDate.now(Formats.ZONE).minusDays(1), LocalTime.of(9, 0), LocalTime.of(12, 0)).save();
        linkTrainer(yesterday, trainer);
        long yesterdaySession = session(yesterday);

        mvc.perform(get("/trainer").with(users.as(trainer))).andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.title)))
                .andExpect(content().string(not(containsString(theirs.title))))
                .andExpect(content().string(not(containsString("Igår"))));
        mvc.perform(get("/trainer/sessions/" + mine.session).with(users.as(trainer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ada Testsson")));
        mvc.perform(get("/trainer/sessions/" + theirs.session).with(users.as(trainer))).andExpect(status().isNotFound());
        mvc.perform(get("/trainer/sessions/" + yesterdaySession).with(users.as(trainer))).andExpect(status().isNotFound());
        mvc.perform(post("/trainer/sessions/" + theirs.session + "/attendance/" + theirs.signUp).with(users.as(trainer))
                .with(csrf()).param("attended", "true")).andExpect(status().isNotFound());

        // A tap on the phone, answered with the person's card.
        mvc.perform(post("/trainer/sessions/" + mine.session + "/attendance/" + mine.signUp).with(users.as(trainer))
                        .with(csrf()).param("attended", "true").param("minutes[" + mine.signUp + "]", "30")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"person-" + mine.signUp + "\"")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(jdbc.queryForMap("select attended, minutes, recorded_by from attendance where sign_up_id = ?",
                mine.signUp)).containsEntry("attended", true).containsEntry("minutes", 30)
                .containsEntry("recorded_by", users.principal(trainer).id());
        assertThat(count(theirs.signUp)).isZero();
    }

    @Test
    void aTrainerChecksInByTheCodeTypedOrOpenedFromTheQrCode() throws Exception {
        Course mine = course("Incheckning");
        Course theirs = course("Inte min");
        String trainer = trainerOf(mine.activity);
        String code = checkInCode(mine.signUp);
        String typed = (code.substring(0, 4) + " " + code.substring(4, 8) + "-" + code.substring(8)).toLowerCase();

        mvc.perform(post("/trainer/sessions/" + mine.session + "/check-in").with(users.as(trainer)).with(csrf())
                        .param("code", "12345"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Koden ska ha tolv tecken")))
                .andExpect(content().string(containsString("value=\"12345\"")));
        mvc.perform(post("/trainer/sessions/" + mine.session + "/check-in").with(users.as(trainer)).with(csrf())
                        .param("code", checkInCode(theirs.signUp)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("hör inte till någon med plats på dina aktiviteter")));
        assertThat(count(theirs.signUp)).isZero();

        mvc.perform(post("/trainer/sessions/" + mine.session + "/check-in").with(users.as(trainer)).with(csrf())
                        .param("code", typed))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/trainer/sessions/" + mine.session));
        assertThat(jdbc.queryForObject("select attended from attendance where sign_up_id = ?", Boolean.class,
                mine.signUp)).isTrue();

        // The QR code's address, opened by the phone's camera: it asks first, then marks.
        long second = signUp(mine.activity, "Bea");
        String secondCode = checkInCode(second);
        mvc.perform(get("/trainer/check-in/" + secondCode).with(users.as(trainer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Checka in Bea Testsson")));
        assertThat(count(second)).isZero();
        mvc.perform(post("/trainer/check-in/" + secondCode).with(users.as(trainer)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(count(second)).isOne();
        mvc.perform(get("/trainer/check-in/" + checkInCode(theirs.signUp)).with(users.as(trainer)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theParticipantHasTheirCodeAsAQrCodeInTheConfirmationMailAndInMyActivities() throws Exception {
        long activity = fixtures.activities().activity("QR " + System.nanoTime()).startInDays(5).save();
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        long person = fixtures.personFor(email, "Qira");
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        String code = checkInCode(signUp);
        String shown = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);

        mvc.perform(get("/my/activities/" + signUp).with(users.as(email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString(shown)));
        assertThat(jdbc.queryForObject("""
                select m.body_text from outbox_message m where m.recipient = ? and m.category = 'participants.confirmed'""",
                String.class, email)).contains(shown);
        assertThat(jdbc.queryForObject("""
                select a.content_type from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.recipient = ? and a.filename like 'incheckning-%'""", String.class, email)).isEqualTo("image/png");
    }

    @Test
    void onlyTrainersReachTheTrainerPages() throws Exception {
        for (String demo : new String[] {"deltagare", "sekreterare", "kontakt", "styrgrupp", "admin"}) {
            mvc.perform(get("/trainer").with(users.demo(demo))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/trainer")).andExpect(status().is3xxRedirection());
        String trainer = users.create(Set.of(Role.TRAINER), null, Set.of());
        mvc.perform(get("/trainer").with(users.as(trainer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har inga tillfällen idag")));
    }

    private record Course(long activity, String title, long session, long signUp) {
    }

    /** An activity with a session today that has started (from midnight until a while from now), and one sign-up. */
    private Course course(String name) {
        String title = name + " " + System.nanoTime();
        LocalDate today = LocalDate.now(Formats.ZONE);
        Instant start = ActivityFixtures.at(today, LocalTime.MIDNIGHT);
        Instant end = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Instant lastMinute = ActivityFixtures.at(today, LocalTime.of(23, 59));
        long activity = fixtures.activities().activity(title).sessionBetween(start, end.isAfter(lastMinute) ? lastMinute : end)
                .save();
        return new Course(activity, title, session(activity), signUp(activity, "Ada"));
    }

    private String trainerOf(long activity) {
        String email = users.create(Set.of(Role.TRAINER), null, Set.of());
        linkTrainer(activity, email);
        return email;
    }

    private void linkTrainer(long activity, String email) {
        jdbc.update("""
                insert into activity_trainer (id, activity_id, name, organisation, external, gender, user_id)
                values (nextval('activity_trainer_seq'), ?, 'Tränaren', null, true, 'WOMAN',
                        (select id from app_user where email = ?))""", activity, email);
    }

    private long signUp(long activity, String name) {
        long person = fixtures.person(name, Gender.WOMAN);
        return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
    }

    private long session(long activity) {
        return jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
    }

    private String checkInCode(long signUp) {
        return jdbc.queryForObject("select check_in_code from sign_up where id = ?", String.class, signUp);
    }

    private int count(long signUp) {
        return jdbc.queryForObject("select count(*) from attendance where sign_up_id = ? and attended", Integer.class,
                signUp);
    }
}
