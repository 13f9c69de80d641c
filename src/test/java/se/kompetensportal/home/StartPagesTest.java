package se.kompetensportal.home;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The start page per role (issue 17): each role's cards, scoped to the user's projects, each item linking to where the
 * work is done; and the shortest paths around it.
 */
class StartPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    se.kompetensportal.activities.domain.ActivityRepository repository;

    @Autowired
    se.kompetensportal.projects.ProjectsApi projects;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    ActivityFixtures fixtures;

    String tag;

    @BeforeEach
    void tag() {
        tag = "Start-" + UUID.randomUUID().toString().substring(0, 6);
        fixtures = new ActivityFixtures(repository, projects, transactions);
    }

    @Test
    void anonymousVisitorsSeeTheProjectsAndNoWorkQueue() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Projekten")))
                .andExpect(content().string(containsString("Mobilisering Kalmar län")))
                .andExpect(content().string(not(containsString("Närvaro och platser"))));
    }

    @Test
    void theSecretarySeesTodaysSessionWithoutAttendanceInTheirProjectsOnly() throws Exception {
        long activity = fixtures.activity(tag + " idag").startInDays(0).trainers(TrainerGender.WOMAN).save();
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        mvc.perform(get("/").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Närvaro och platser")))
                .andExpect(content().string(containsString(tag + " idag")))
                .andExpect(content().string(containsString(
                        "/admin/activities/" + activity + "/sessions/" + session + "/attendance")))
                .andExpect(content().string(containsString("Utvärderingar som stänger")))
                .andExpect(content().string(containsString("Dialogpotten")))
                .andExpect(content().string(containsString("Tid att bekräfta")));
        String lfiOnly = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(get("/").with(users.as(lfiOnly))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Närvaro och platser")))
                .andExpect(content().string(not(containsString(tag))))
                .andExpect(content().string(not(containsString("Besluta:"))));
    }

    @Test
    void eachRoleHasItsOwnCards() throws Exception {
        mvc.perform(get("/").with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Indikatorer i riskzonen")))
                .andExpect(content().string(containsString("Ansökningar att bedöma")))
                .andExpect(content().string(not(containsString("Närvaro och platser"))));
        mvc.perform(get("/").with(users.demo("deltagare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mina nästa aktiviteter")))
                .andExpect(content().string(containsString("Utvärderingar att besvara")))
                .andExpect(content().string(not(containsString("Indikatorer i riskzonen"))));
        mvc.perform(get("/").with(users.demo("kontakt"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kalmar kommun i projekten")))
                .andExpect(content().string(containsString("/my-organisation/projects/")));
        mvc.perform(get("/").with(users.demo("utbildare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dagens tillfällen")));
        mvc.perform(get("/").with(users.demo("sokande"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mina ansökningar")))
                .andExpect(content().string(containsString("/dialog-fund/applications/")));
    }

    @Test
    void aParticipantOpensTheirOwnOpenEvaluationOnlyFromTheStartPage() throws Exception {
        long activity = fixtures.activity(tag + " utvärderad").startInDays(-3).status(ActivityStatus.COMPLETED)
                .trainers(TrainerGender.MAN).save();
        long project = users.projectId("IKO");
        long evaluation = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        jdbc.update("""
                insert into evaluation (id, project_id, activity_id, track_id, status, sent_at, closes_on)
                values (?, ?, ?, (select track_id from activity where id = ?), 'OPEN', now(), ?)""",
                evaluation, project, activity, activity, LocalDate.now(Formats.ZONE).plusDays(5));
        long dana = jdbc.queryForObject("select id from person where email = 'deltagare@kompetensportal.example' "
                + "and merged_into is null order by id limit 1", Long.class);
        long other = jdbc.queryForObject("select id from person where user_id is null order by id limit 1", Long.class);
        long mine = invitation(evaluation, dana);
        long theirs = invitation(evaluation, other);

        mvc.perform(get("/").with(users.demo("deltagare")))
                .andExpect(content().string(containsString(tag + " utvärderad")))
                .andExpect(content().string(containsString("/my/evaluations/" + mine)));
        mvc.perform(get("/my/evaluations/" + mine).with(users.demo("deltagare")))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/evaluations/answer/*"));
        mvc.perform(get("/my/evaluations/" + theirs).with(users.demo("deltagare"))).andExpect(status().isNotFound());
        mvc.perform(get("/my/evaluations/" + mine).with(users.demo("sekreterare"))).andExpect(status().isForbidden());
        mvc.perform(get("/my/evaluations/" + mine)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPublishedActivityHasItsEvaluationDraftAtOnce() throws Exception {
        long activity = fixtures.activity(tag + " ny").startInDays(40).status(ActivityStatus.DRAFT)
                .trainers(TrainerGender.WOMAN).save();
        mvc.perform(post("/admin/activities/" + activity + "/publish").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from evaluation where activity_id = ? and status = 'DRAFT'", Integer.class,
                activity) == 1);
    }

    @Test
    void theActivityPageLeadsToSignUpsWaitingListAttendanceEvaluationAndPrintouts() throws Exception {
        long activity = fixtures.activity(tag + " vägar").trainers(TrainerGender.WOMAN).save();
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        mvc.perform(get("/admin/activities/" + activity).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/activities/" + activity + "/sign-ups\"")))
                .andExpect(content().string(containsString("/admin/activities/" + activity + "/sign-ups#waiting-heading")))
                .andExpect(content().string(containsString(
                        "/admin/activities/" + activity + "/sessions/" + session + "/attendance\"")))
                .andExpect(content().string(containsString(
                        "/admin/activities/" + activity + "/sessions/" + session + "/attendance/list.pdf")))
                .andExpect(content().string(containsString("/admin/evaluations/activity/" + activity)))
                .andExpect(content().string(containsString("/admin/activities/" + activity + "/sign-ups/export.xlsx")));
    }

    @Test
    void aCompletedCourseIsUnderGenomfordaEvenBeforeItsLastSession() throws Exception {
        long activity = fixtures.activity(tag + " klar").startInDays(-1).sessions(2).status(ActivityStatus.COMPLETED)
                .trainers(TrainerGender.WOMAN).save();
        long dana = jdbc.queryForObject("select id from person where email = 'deltagare@kompetensportal.example' "
                + "and merged_into is null order by id limit 1", Long.class);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, target_group_id, manage_token,
                                     confirmed_at)
                select nextval('sign_up_seq'), a.id, a.project_id, ?, 'CONFIRMED',
                       (select min(target_group_id) from activity_target_group where activity_id = a.id), ?, now()
                from activity a where a.id = ?""", dana, UUID.randomUUID().toString(), activity);
        String page = mvc.perform(get("/my/activities").with(users.demo("deltagare"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int completed = page.indexOf("Genomförda");
        org.assertj.core.api.Assertions.assertThat(completed).isPositive();
        org.assertj.core.api.Assertions.assertThat(page.indexOf(tag + " klar")).isGreaterThan(completed);
    }

    private long invitation(long evaluation, long person) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        jdbc.update("insert into evaluation_invitation (id, evaluation_id, person_id) values (?, ?, ?)", id, evaluation,
                person);
        return id;
    }
}
