package se.kompetensportal.participants;

import java.util.List;
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

/** The secretary writes to an activity's participants: audiences, placeholders, preview, outbox, log, scope. */
class ActivityMessagesTest extends PortalIntegrationTest {

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
    long activity;
    long anna;
    long bo;
    long cilla;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Meddelanden " + System.nanoTime()).seats(2).save();
        anna = signUp("Anna");
        bo = signUp("Bo");
        cilla = signUp("Cilla");
    }

    @Test
    void previewFillsThePlaceholdersForTheFirstRecipientAndSendsNothing() throws Exception {
        mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf()).param("audience", "CONFIRMED")
                        .param("subject", "Ny lokal för {activity}").param("body", "Hej {name}! Vi ses {firstSession}.\n{manageLink}")
                        .param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Meddelandet går till 2 personer")))
                .andExpect(content().string(containsString("Hej Anna! Vi ses ")))
                .andExpect(content().string(containsString("/sign-ups/")));
        assertThat(outboxCount()).isZero();
    }

    @Test
    void sendingQueuesOneMailPerRecipientAndLogsWhoGotIt() throws Exception {
        String location = mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf())
                        .param("audience", "EVERYONE").param("subject", "Läslista för {activity}")
                        .param("body", "Hej {name}, läs kapitel 3. Din anmälan: {manageLink}").param("action", "send"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long message = jdbc.queryForObject("select id from activity_message where activity_id = ?", Long.class, activity);
        assertThat(location).isEqualTo(base() + "/" + message);
        List<String> bodies = jdbc.queryForList("select body_text from outbox_message where dedup_key like ? order by recipient",
                String.class, "activity-message:" + message + ":%");
        assertThat(bodies).hasSize(3).anySatisfy(b -> assertThat(b).contains("Hej Cilla, läs kapitel 3").contains("/sign-ups/"));
        assertThat(jdbc.queryForList("select subject from outbox_message where dedup_key like ?", String.class,
                "activity-message:" + message + ":%")).allSatisfy(s -> assertThat(s).startsWith("Läslista för Meddelanden"));
        assertThat(jdbc.queryForObject("select count(*) from activity_message_recipient where message_id = ?",
                Integer.class, message)).isEqualTo(3);

        mvc.perform(get(location).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mottagare (3)")))
                .andExpect(content().string(containsString("Cilla Testsson")))
                .andExpect(content().string(containsString("<progress")));
        mvc.perform(get(location + "/progress").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("0 av 3 mejl skickade")))
                .andExpect(content().string(containsString("hx-trigger=\"every 2s\"")));
        mvc.perform(get(base()).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Läslista för {activity}")))
                .andExpect(content().string(containsString("3 mottagare, alla anmälda")));
    }

    @Test
    void audiencesPickWaitingAndAttended() throws Exception {
        send("WAITING");
        assertThat(recipientsOfLast()).containsExactly(cilla);
        long session = jdbc.queryForObject("select min(id) from activity_session where activity_id = ?", Long.class, activity);
        long person = jdbc.queryForObject("select person_id from sign_up where id = ?", Long.class, bo);
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date, minutes, attended)
                select ?, ?, ?, ?, project_id, track_id, current_date, 60, true from activity where id = ?""",
                session, person, bo, activity, activity);
        send("ATTENDED");
        assertThat(recipientsOfLast()).containsExactly(bo);
    }

    @Test
    void badInputIsAFieldMessage() throws Exception {
        mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf()).param("audience", "CONFIRMED")
                        .param("subject", "Hej").param("body", "Hej {namn}").param("action", "send"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Platshållaren {namn} finns inte")));
        mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf()).param("audience", "NOBODY")
                        .param("subject", "Hej").param("body", "x").param("action", "send"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("audience-error")));
        mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf()).param("audience", "CONFIRMED")
                        .param("subject", " ").param("body", "x").param("action", "send"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("subject-error")));
        long empty = fixtures.activities().activity("Tom " + System.nanoTime()).save();
        mvc.perform(post("/admin/activities/" + empty + "/messages").with(users.demo("sekreterare")).with(csrf())
                        .param("audience", "WAITING").param("subject", "Hej").param("body", "x").param("action", "send"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ingen av de valda")));
        assertThat(outboxCount()).isZero();
    }

    @Test
    void onlyTheProjectsStaffMayWriteOrReadTheLog() throws Exception {
        send("CONFIRMED");
        long message = jdbc.queryForObject("select max(id) from activity_message where activity_id = ?", Long.class, activity);
        String lfi = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        for (String path : List.of(base(), base() + "/" + message, base() + "/" + message + "/progress")) {
            mvc.perform(get(path).with(users.as(lfi))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(path).with(users.demo("admin"))).andExpect(status().isOk());
        }
        mvc.perform(post(base()).with(users.as(lfi)).with(csrf()).param("audience", "CONFIRMED")
                .param("subject", "x").param("body", "x").param("action", "send")).andExpect(status().isForbidden());
        mvc.perform(post(base()).with(users.demo("sekreterare")).param("audience", "CONFIRMED")
                .param("subject", "x").param("body", "x").param("action", "send")).andExpect(status().isForbidden());
        // Another activity's message id under this activity's address is not found.
        long other = fixtures.activities().activity("Annan " + System.nanoTime()).save();
        mvc.perform(get("/admin/activities/" + other + "/messages/" + message).with(users.demo("sekreterare")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Anna Testsson"))));
        assertThat(jdbc.queryForObject("select count(*) from activity_message where activity_id = ?", Integer.class,
                activity)).isEqualTo(1);
    }

    private void send(String audience) throws Exception {
        mvc.perform(post(base()).with(users.demo("sekreterare")).with(csrf()).param("audience", audience)
                .param("subject", "Hej").param("body", "Hej {name}").param("action", "send")).andExpect(status().isFound());
    }

    private List<Long> recipientsOfLast() {
        return jdbc.queryForList("""
                select sign_up_id from activity_message_recipient where message_id =
                    (select max(id) from activity_message where activity_id = ?)""", Long.class, activity);
    }

    private int outboxCount() {
        return jdbc.queryForObject("""
                select count(*) from outbox_message where dedup_key in (select 'activity-message:' || m.id || ':' || r.sign_up_id
                from activity_message m join activity_message_recipient r on r.message_id = m.id where m.activity_id = ?)""",
                Integer.class, activity);
    }

    private long signUp(String name) {
        return seats.signUp(activity, people.findById(fixtures.person(name, Gender.WOMAN)).orElseThrow(), null, null, true)
                .signUpId();
    }

    private String base() {
        return "/admin/activities/" + activity + "/messages";
    }
}
