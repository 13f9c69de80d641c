package se.kompetensportal.participants;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.ParticipantJobs;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person register and personal data: masked and logged personal identity numbers, merging duplicates, erasure
 * that keeps the statistics, the participant's own copy and erasure request, and retention.
 */
class PersonRegisterTest extends PortalIntegrationTest {

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
    PersonalDataCipher cipher;
    @Autowired
    ParticipantJobs jobs;
    @Autowired
    se.kompetensportal.privacy.domain.RetentionJob retention;
    @Autowired
    se.kompetensportal.support.TestClock clock;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void thePersonalIdentityNumberIsMaskedAndEveryViewIsLogged() throws Exception {
        long activity = fixtures.activities().activity("Pnr " + System.nanoTime()).save();
        long person = fixtures.person("Maskerad", Gender.WOMAN);
        String number = ParticipantFixtures.personalId();
        jdbc.update("update person set personal_id_encrypted = ?, personal_id_index = ? where id = ?",
                cipher.encrypt(number), cipher.blindIndex(number), person);
        seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);

        mvc.perform(get("/admin/people/" + person).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString(number.substring(0, 8) + "-****")))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(post("/admin/people/" + person + "/personal-id").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(number)));
        assertThat(jdbc.queryForObject("select count(*) from personal_id_access where person_id = ?", Integer.class,
                person)).isEqualTo(1);

        String lfi = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(get("/admin/people/" + person).with(users.as(lfi))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/" + person + "/personal-id").with(users.as(lfi)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/people").param("q", "Maskerad").with(users.as(lfi)))
                .andExpect(content().string(not(containsString("Maskerad Testsson"))));
    }

    @Test
    void duplicatesAreMergedWithTheirSignUpsAndAttendance() throws Exception {
        long activityA = fixtures.activities().activity("Dubblett A " + System.nanoTime()).startInDays(-2).save();
        long activityB = fixtures.activities().activity("Dubblett B " + System.nanoTime()).seats(1).save();
        long keep = fixtures.person("Dubbel", Gender.MAN);
        long duplicate = fixtures.person("Dubbel", Gender.MAN);
        seats.signUp(activityA, people.findById(duplicate).orElseThrow(), null, null, true);
        seats.signUp(activityB, people.findById(keep).orElseThrow(), null, null, true);
        seats.signUp(activityB, people.findById(duplicate).orElseThrow(), null, null, true);
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date, minutes, attended)
                select ss.id, s.person_id, s.id, s.activity_id, s.project_id, a.track_id, current_date, 420, true
                from sign_up s join activity_session ss on ss.activity_id = s.activity_id
                join activity a on a.id = s.activity_id where s.person_id = ?""",
                duplicate);

        mvc.perform(get("/admin/people/" + keep).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Möjliga dubbletter")));
        mvc.perform(post("/admin/people/" + keep + "/merge").with(users.demo("sekreterare")).with(csrf())
                .param("duplicateId", Long.toString(duplicate))).andExpect(status().isFound());

        assertThat(jdbc.queryForObject("select count(*) from sign_up where person_id = ?", Integer.class, duplicate)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from attendance where person_id = ?", Integer.class, keep))
                .isGreaterThan(0);
        assertThat(jdbc.queryForObject("select merged_into from person where id = ?", Long.class, duplicate)).isEqualTo(keep);
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and status <> 'CANCELLED'",
                Integer.class, activityB)).isEqualTo(1);
        assertThat(fixtures.seatsTaken(activityB)).isEqualTo(1);
        mvc.perform(get("/admin/people/" + duplicate).with(users.demo("sekreterare"))).andExpect(status().isNotFound());
    }

    @Test
    void erasureRemovesContactDataButKeepsTheStatistics() throws Exception {
        long activity = fixtures.activities().activity("Radera " + System.nanoTime()).startInDays(-1).save();
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        long person = fixtures.personFor(email, "Raderbar");
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date, minutes, attended)
                select id, ?, ?, activity_id, (select project_id from activity where id = ?),
                       (select track_id from activity where id = ?), current_date, 420, true
                from activity_session where activity_id = ?""", person, signUp, activity, activity, activity);
        long unique = jdbc.queryForObject("select count(distinct person_id) from attendance where activity_id = ?",
                Long.class, activity);

        mvc.perform(post("/admin/people/" + person + "/erase").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        var row = jdbc.queryForMap("select * from person where id = ?", person);
        assertThat(row.get("first_name")).isEqualTo("–");
        assertThat((String) row.get("email")).endsWith("@erased.invalid");
        assertThat(row.get("gender")).isEqualTo("WOMAN");
        assertThat(row.get("employer_name")).isEqualTo("Testföreningen");
        assertThat(row.get("user_id")).isNull();
        assertThat(jdbc.queryForObject("select count(distinct person_id) from attendance where activity_id = ?",
                Long.class, activity)).isEqualTo(unique);
        assertThat(jdbc.queryForObject("select enabled from app_user where email like 'erased-user-%' and id = "
                + "(select max(id) from app_user where email like 'erased-user-%')", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email)).isZero();
    }

    @Test
    void participantsReadDownloadAndAskForErasureOfTheirOwnData() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        long person = fixtures.personFor(email, "Självisk");
        mvc.perform(get("/my/data").with(users.as(email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("artikel 6.1 e")))
                .andExpect(content().string(containsString("Självisk Testsson")));
        mvc.perform(get("/my/data/export.json").with(users.as(email))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.email").value(email))
                .andExpect(jsonPath("$.profile.firstName").value("Självisk"));
        mvc.perform(post("/my/data/erasure-request").with(users.as(email)).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select erasure_requested_at is not null from person where id = ?", Boolean.class,
                person)).isTrue();
        mvc.perform(get("/admin/people").param("requests", "true").with(users.demo("admin")))
                .andExpect(content().string(containsString("Självisk Testsson")));

        long version = jdbc.queryForObject("select version from person where id = ?", Long.class, person);
        mvc.perform(post("/my/data/profile").with(users.as(email)).with(csrf()).param("firstName", "Ändrad")
                        .param("lastName", "Testsson").param("gender", "MAN").param("employerName", "Annan förening")
                        .param("version", Long.toString(version)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select first_name from person where id = ?", String.class, person))
                .isEqualTo("Ändrad");
    }

    @Test
    void theNightlyJobErasesPeopleOnceTheirProjectsRetentionHasPassed() {
        long project = transactions.execute(s -> {
            long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
            jdbc.update("insert into project (id, name, short_name, owner_organisation, start_date, end_date, keep_until) "
                    + "values (?, 'Gammalt projekt', 'GAM', 'X', '2010-01-01', '2012-12-31', ?)", id,
                    java.time.LocalDate.now(Formats.ZONE).plusDays(1));
            jdbc.update("insert into track (id, project_id, position, name) values (nextval('track_seq'), ?, 1, 'Spår')", id);
            jdbc.update("insert into target_group (id, project_id, code, name) values (nextval('target_group_seq'), ?, '1a', 'G')", id);
            return id;
        });
        long activity = fixtures.activities().activity("Gammal " + System.nanoTime()).project(project).save();
        long person = fixtures.person("Gammal", Gender.MAN);
        seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);

        retention.scheduledRetention();
        assertThat(jdbc.queryForObject("select erased_at is null from person where id = ?", Boolean.class, person))
                .as("kept until tomorrow").isTrue();
        try {
            clock.advance(java.time.Duration.ofDays(2));
            retention.scheduledRetention();
        } finally {
            clock.reset();
        }
        assertThat(jdbc.queryForObject("select erased_at is not null from person where id = ?", Boolean.class, person))
                .isTrue();
    }

    @Test
    void aCancelledActivityCancelsItsSignUpsAndTellsEveryone() {
        long activity = fixtures.activities().activity("Inställs " + System.nanoTime()).seats(1).save();
        long a = seats.signUp(activity, people.findById(fixtures.person("Ett", Gender.WOMAN)).orElseThrow(), null, null,
                true).signUpId();
        long b = seats.signUp(activity, people.findById(fixtures.person("Två", Gender.MAN)).orElseThrow(), null, null,
                true).signUpId();
        transactions.executeWithoutResult(s -> {
            jdbc.update("update activity set status = 'CANCELLED', cancel_reason = 'Sjuk föreläsare' where id = ?", activity);
            events.publishEvent(new se.kompetensportal.activities.ActivityCancelled(activity,
                    users.projectId("2016/00175"), "Sjuk föreläsare"));
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(fixtures.status(a)).isEqualTo("CANCELLED");
            assertThat(fixtures.status(b)).isEqualTo("CANCELLED");
        });
        assertThat(jdbc.queryForList("select body_text from outbox_message where category = 'participants.activity-cancelled' "
                + "and body_text like ?", String.class, "%Sjuk föreläsare%")).hasSize(2);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
}
