package se.kompetensportal.privacy;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Merges are scoped (a secretary merges only people whose data lies in their own projects), logged, and undoable;
 * the register-wide duplicate report is the administrator's.
 */
class PersonMergeTest extends PortalIntegrationTest {

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
    void aSecretaryCannotMergeSomeoneWithDataInAnotherProject() throws Exception {
        String ikoOnly = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("IKO")));
        long ikoActivity = fixtures.activities().activity("Scope IKO " + System.nanoTime()).save();
        long lfiActivity = fixtures.activities().activity("Scope LFI " + System.nanoTime())
                .project(otherProject()).save();
        long keep = fixtures.person("Räckvidd", Gender.MAN);
        long duplicate = fixtures.person("Räckvidd", Gender.MAN);
        seats.signUp(ikoActivity, people.findById(keep).orElseThrow(), null, null, true);
        seats.signUp(ikoActivity, people.findById(duplicate).orElseThrow(), null, null, true);
        seats.signUp(lfiActivity, people.findById(duplicate).orElseThrow(), null, null, true);

        mvc.perform(post("/admin/people/" + keep + "/merge").with(users.as(ikoOnly)).with(csrf())
                .param("duplicateId", Long.toString(duplicate))).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select merged_into from person where id = ?", Long.class, duplicate)).isNull();

        mvc.perform(post("/admin/people/" + keep + "/merge").with(users.demo("admin")).with(csrf())
                .param("duplicateId", Long.toString(duplicate))).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select merged_into from person where id = ?", Long.class, duplicate))
                .isEqualTo(keep);
        mvc.perform(get("/admin/people/merges").with(users.as(ikoOnly)))
                .andExpect(content().string(not(containsString("/admin/people/" + keep + "\""))));
        long merge = jdbc.queryForObject("select id from person_merge where duplicate_person_id = ?", Long.class, duplicate);
        mvc.perform(post("/admin/people/merges/" + merge + "/undo").with(users.as(ikoOnly)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private long otherProject() {
        return transactions.execute(s -> {
            long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
            jdbc.update("insert into project (id, name, short_name, owner_organisation, start_date, end_date) "
                    + "values (?, 'Annat projekt', 'ANN', 'X', '2024-01-01', '2030-12-31')", id);
            jdbc.update("insert into track (id, project_id, position, name) values (nextval('track_seq'), ?, 1, 'Spår')", id);
            jdbc.update("insert into target_group (id, project_id, code, name) values (nextval('target_group_seq'), ?, '1a', 'G')", id);
            return id;
        });
    }

    @Test
    void aMergeIsLoggedAndCanBeUndone() throws Exception {
        long activityA = fixtures.activities().activity("Ångra A " + System.nanoTime()).save();
        long activityB = fixtures.activities().activity("Ångra B " + System.nanoTime()).save();
        long keep = fixtures.person("Ångerbar", Gender.WOMAN);
        long duplicate = fixtures.person("Ångerbar", Gender.WOMAN);
        String duplicateEmail = jdbc.queryForObject("select email from person where id = ?", String.class, duplicate);
        seats.signUp(activityA, people.findById(keep).orElseThrow(), null, null, true);
        long moved = seats.signUp(activityB, people.findById(duplicate).orElseThrow(), null, null, true).signUpId();
        attended(moved);
        assertThat(summaryPerson(moved)).isEqualTo(duplicate);

        long project = jdbc.queryForObject("select project_id from activity where id = ?", Long.class, activityB);
        long exit = jdbc.queryForObject("""
                insert into time_exit (id, project_id, person_id, exit_date, reason)
                values (nextval('time_exit_seq'), ?, ?, date '2001-03-15', 'NEW_JOB') returning id""", Long.class,
                project, duplicate);

        mvc.perform(post("/admin/people/" + keep + "/merge").with(users.demo("sekreterare")).with(csrf())
                .param("duplicateId", Long.toString(duplicate))).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select person_id from time_exit where id = ?", Long.class, exit))
                .isEqualTo(keep);
        var log = jdbc.queryForMap("select * from person_merge where duplicate_person_id = ?", duplicate);
        assertThat(log.get("kept_person_id")).isEqualTo(keep);
        assertThat(log.get("merged_by")).isEqualTo(jdbc.queryForObject(
                "select id from app_user where email = 'sekreterare@kompetensportal.example'", Long.class));
        assertThat(log.get("duplicate_snapshot").toString()).doesNotContain(duplicateEmail);
        assertThat(jdbc.queryForObject("select person_id from sign_up where id = ?", Long.class, moved)).isEqualTo(keep);
        assertThat(summaryPerson(moved)).as("the participant figures' summary follows the merge").isEqualTo(keep);
        mvc.perform(get("/admin/people/merges").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ångerbar Testsson")))
                .andExpect(content().string(containsString("/undo")));

        mvc.perform(post("/admin/people/merges/" + log.get("id") + "/undo").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        var restored = jdbc.queryForMap("select email, merged_into, erased_at from person where id = ?", duplicate);
        assertThat(restored).containsEntry("email", duplicateEmail).containsEntry("merged_into", null)
                .containsEntry("erased_at", null);
        assertThat(jdbc.queryForObject("select person_id from sign_up where id = ?", Long.class, moved))
                .isEqualTo(duplicate);
        assertThat(jdbc.queryForObject("select person_id from time_exit where id = ?", Long.class, exit))
                .isEqualTo(duplicate);
        assertThat(summaryPerson(moved)).as("and its undoing").isEqualTo(duplicate);
        assertThat(jdbc.queryForObject("select undone_at is not null from person_merge where id = ?", Boolean.class,
                log.get("id"))).isTrue();
        mvc.perform(post("/admin/people/merges/" + log.get("id") + "/undo").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    /** The sign-up's person attended its first session (as the attendance sheet records it). */
    private void attended(long signUpId) {
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended, session_minutes)
                select s.id, u.person_id, u.id, u.activity_id, u.project_id, a.track_id,
                       (s.starts_at at time zone 'Europe/Stockholm')::date, 60, true, 60
                from sign_up u join activity_session s on s.activity_id = u.activity_id
                join activity a on a.id = u.activity_id
                where u.id = ? order by s.starts_at limit 1""", signUpId);
    }

    /** The person the participant summary (participant_days, V25_1) holds the sign-up's attendance under. */
    private Long summaryPerson(long signUpId) {
        return jdbc.queryForObject("""
                select d.person_id from attendance a join participant_days d on d.project_id = a.project_id
                    and d.person_id = a.person_id and d.track_id = a.track_id and d.days @> a.session_date
                where a.sign_up_id = ?""", Long.class, signUpId);
    }

    @Test
    void theDuplicateReportIsTheAdministratorsAndFindsAddressesAndNames() throws Exception {
        String local = "dubbel" + System.nanoTime();
        long a = fixtures.person("Rapport", Gender.MAN);
        long b = fixtures.person("Rapport", Gender.MAN);
        jdbc.update("update person set email = ? where id = ?", local + "@example.se", a);
        jdbc.update("update person set email = ? where id = ?", local + "+kurs@example.se", b);
        mvc.perform(get("/admin/people/duplicates").with(users.demo("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(local + "+kurs@example.se")));
        mvc.perform(get("/admin/people/duplicates").with(users.demo("sekreterare"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/people/duplicates").with(users.demo("deltagare"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/people/merges").with(users.demo("deltagare"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/people/merges").with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
    }
}
