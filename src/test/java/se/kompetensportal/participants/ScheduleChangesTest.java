package se.kompetensportal.participants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityForm;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.ActivityService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions, trainers and the venue of a published activity are changed; when the secretary says so, everyone signed
 * up is told, and those with a seat get a calendar file with the same UIDs and a higher SEQUENCE.
 */
class ScheduleChangesTest extends PortalIntegrationTest {

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
    ActivityService activityService;

    ParticipantFixtures fixtures;
    long activity;
    long confirmed;
    long waiting;
    List<Long> sessions;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Schema " + System.nanoTime()).seats(1).sessions(3).save();
        confirmed = seats.signUp(activity, people.findById(fixtures.person("Ada", Gender.WOMAN)).orElseThrow(), null,
                null, true).signUpId();
        waiting = seats.signUp(activity, people.findById(fixtures.person("Bert", Gender.MAN)).orElseThrow(), null,
                null, true).signUpId();
        sessions = jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at",
                Long.class, activity);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aMovedSessionIsAnnouncedWithTheSameUidAndAHigherSequence() throws Exception {
        String before = calendarOf("participants.confirmed", confirmed);
        LocalDate newDay = LocalDate.now().plusDays(40);
        mvc.perform(post(base() + "/" + sessions.get(1)).with(users.demo("sekreterare")).with(csrf())
                        .param("date", newDay.toString()).param("start", "13:00").param("end", "15:30")
                        .param("place", "Sal 4").param("announce", "true"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flash", "session.saved.announced"));
        String after = awaitCalendar(confirmed);
        String uid = "activity-" + activity + "-session-" + sessions.get(1) + "@";
        assertThat(before).contains(uid);
        assertThat(after).contains(uid).contains("T130000");
        assertThat(sequence(after)).isGreaterThan(sequence(before));
        // The person waiting is told too, without a calendar file.
        String waitingMail = awaitMail(waiting);
        assertThat(waitingMail).contains("reservlistan").contains("Sal 4");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.dedup_key like ?""", Integer.class, "schedule-change:" + activity + ":%:" + waiting)).isZero();
    }

    @Test
    void aRemovedSessionIsCancelledInTheCalendarFile() throws Exception {
        mvc.perform(get(base() + "/" + sessions.get(2) + "/delete").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"announce\"")));
        mvc.perform(post(base() + "/" + sessions.get(2) + "/delete").with(users.demo("sekreterare")).with(csrf())
                .param("announce", "true")).andExpect(status().isFound());
        String ics = awaitCalendar(confirmed);
        Matcher removed = Pattern.compile("BEGIN:VEVENT(?:(?!END:VEVENT).)*activity-" + activity + "-session-"
                + sessions.get(2) + "@(?:(?!END:VEVENT).)*END:VEVENT", Pattern.DOTALL).matcher(ics);
        assertThat(removed.find()).isTrue();
        assertThat(removed.group()).contains("STATUS:CANCELLED");
        assertThat(awaitMail(confirmed)).contains("inställt");
    }

    @Test
    void withoutTheTickNobodyIsToldButTheSequenceStillRises() throws Exception {
        long version = version();
        mvc.perform(post(base() + "/" + sessions.get(0)).with(users.demo("sekreterare")).with(csrf())
                        .param("date", LocalDate.now().plusDays(31).toString()).param("start", "09:00").param("end", "12:00"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flash", "session.saved"));
        assertThat(version()).isGreaterThan(version);
        // The change was published in the request's transaction: wait until its listener has run, then look.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from event_publication where completion_date is null
                and event_type like '%ActivityScheduleChanged'""", Integer.class) == 0);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedup_key like ?", Integer.class,
                "schedule-change:" + activity + ":%")).isZero();
    }

    @Test
    void aNewVenueIsAnnounced() {
        PortalUser secretary = users.principal("sekreterare@kompetensportal.example");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(secretary, null, secretary.getAuthorities()));
        ActivityForm form = activityService.editForm(secretary, activity);
        activityService.update(secretary, activity, with(form, "venueName", "Nya huset"), true);
        assertThat(awaitMail(confirmed)).contains("bytt lokal").contains("Nya huset");
    }

    @Test
    void anActivityMovedToAnotherTrackTakesItsParticipantsAlong() {
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended)
                select ?, s.person_id, s.id, s.activity_id, s.project_id, a.track_id, current_date - 1, 60, true
                from sign_up s join activity a on a.id = s.activity_id where s.id = ?""", sessions.get(0), confirmed);
        long project = jdbc.queryForObject("select project_id from activity where id = ?", Long.class, activity);
        long before = jdbc.queryForObject("select track_id from activity where id = ?", Long.class, activity);
        long after = jdbc.queryForObject("select max(id) from track where project_id = ? and id <> ?", Long.class,
                project, before);
        String tracks = "select track_id from participant_days where project_id = ? and person_id = "
                + "(select person_id from sign_up where id = ?)";
        assertThat(jdbc.queryForList(tracks, Long.class, project, confirmed)).containsExactly(before);

        PortalUser secretary = users.principal("sekreterare@kompetensportal.example");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(secretary, null, secretary.getAuthorities()));
        activityService.update(secretary, activity, with(activityService.editForm(secretary, activity), "trackId", after),
                false);
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(jdbc.queryForList(tracks, Long.class, project, confirmed)).containsExactly(after));
            assertThat(jdbc.queryForList("select distinct track_id from attendance where activity_id = ?", Long.class,
                    activity)).containsExactly(after);
        } finally {
            // Written past the ledger's events: gone again, so the shared project's ledger still equals its attendance.
            jdbc.update("delete from attendance where sign_up_id = ?", confirmed);
        }
    }

    @Test
    void sessionsAndTrainersAreEditedOnlyByTheProjectsStaff() throws Exception {
        mvc.perform(get(base() + "/" + sessions.get(0) + "/edit").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"announce\"")))
                .andExpect(content().string(containsString("value=\"16:00\"")));
        String lfi = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        for (String path : List.of(base() + "/" + sessions.get(0) + "/edit", base() + "/" + sessions.get(0) + "/delete")) {
            mvc.perform(get(path).with(users.as(lfi))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("admin"))).andExpect(status().isOk());
        }
        mvc.perform(post(base() + "/" + sessions.get(0)).with(users.as(lfi)).with(csrf())
                .param("date", LocalDate.now().plusDays(31).toString()).param("start", "09:00").param("end", "12:00"))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/" + sessions.get(0)).with(users.demo("sekreterare")).with(csrf())
                        .param("date", LocalDate.now().plusDays(31).toString()).param("start", "12:00").param("end", "09:00"))
                .andExpect(status().isUnprocessableContent());

        long trainer = transactions.execute(s -> {
            jdbc.update("""
                    insert into activity_trainer (id, activity_id, name, organisation, external, gender)
                    values (nextval('activity_trainer_seq'), ?, 'Gammalt Namn', 'Org', true, 'WOMAN')""", activity);
            return jdbc.queryForObject("select max(id) from activity_trainer where activity_id = ?", Long.class, activity);
        });
        String trainers = "/admin/activities/" + activity + "/trainers/" + trainer;
        mvc.perform(get(trainers + "/edit").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gammalt Namn")));
        mvc.perform(get(trainers + "/edit").with(users.as(lfi))).andExpect(status().isForbidden());
        mvc.perform(post(trainers).with(users.as(lfi)).with(csrf()).param("name", "X").param("external", "true")
                .param("gender", "MAN")).andExpect(status().isForbidden());
        mvc.perform(post(trainers).with(users.demo("sekreterare")).with(csrf()).param("name", "Nytt Namn")
                .param("external", "false").param("gender", "MAN")).andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select name, external, gender from activity_trainer where id = ?", trainer))
                .containsEntry("name", "Nytt Namn").containsEntry("external", false).containsEntry("gender", "MAN");
    }

    private static ActivityForm with(ActivityForm form, String component, Object value) {
        try {
            var components = ActivityForm.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value
                        : components[i].getAccessor().invoke(form);
            }
            return ActivityForm.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private long version() {
        return jdbc.queryForObject("select version from activity where id = ?", Long.class, activity);
    }

    private String base() {
        return "/admin/activities/" + activity + "/sessions";
    }

    private static int sequence(String ics) {
        Matcher m = Pattern.compile("SEQUENCE:(\\d+)").matcher(ics);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String calendarOf(String category, long signUp) {
        String token = jdbc.queryForObject("select manage_token from sign_up where id = ?", String.class, signUp);
        byte[] content = jdbc.queryForObject("""
                select a.content from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.category = ? and m.body_text like ? and a.filename like '%.ics' order by m.id desc limit 1""",
                byte[].class, category, "%" + token + "%");
        return new String(content, StandardCharsets.UTF_8);
    }

    private String awaitCalendar(long signUp) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.dedup_key like ?""", Integer.class, "schedule-change:" + activity + ":%:" + signUp) > 0);
        return new String(jdbc.queryForObject("""
                select a.content from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.dedup_key like ? order by m.id desc limit 1""", byte[].class,
                "schedule-change:" + activity + ":%:" + signUp), StandardCharsets.UTF_8);
    }

    private String awaitMail(long signUp) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_message where dedup_key like ?", Integer.class,
                "schedule-change:" + activity + ":%:" + signUp) > 0);
        return jdbc.queryForObject("select body_text from outbox_message where dedup_key like ? order by id desc limit 1",
                String.class, "schedule-change:" + activity + ":%:" + signUp);
    }
}
