package se.kompetensportal.activities;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trainers' gender balance per activity, track and project, and the warning when a project falls outside 40/60.
 * Each test works in a project of its own, so the counts are its own.
 */
class GenderBalancePagesTest extends PortalIntegrationTest {

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    ActivityFixtures fixtures;
    long project;
    String shortName;

    @BeforeEach
    void newProject() throws Exception {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        shortName = "G" + UUID.randomUUID().toString().substring(0, 5);
        String location = mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                .param("name", "Balans " + shortName).param("shortName", shortName).param("ownerOrganisation", "X")
                .param("startDate", "2026-01-01").param("endDate", "2028-12-31")).andReturn().getResponse().getRedirectedUrl();
        project = Long.parseLong(location.replaceAll("\\D", ""));
        for (String track : new String[] {"Spår ett", "Spår två"}) {
            mvc.perform(post("/admin/projects/" + project + "/tracks").with(users.demo("sekreterare")).with(csrf())
                    .param("name", track)).andExpect(status().isFound());
        }
        mvc.perform(post("/admin/projects/" + project + "/target-groups").with(users.demo("sekreterare")).with(csrf())
                .param("code", "1a").param("name", "Alla")).andExpect(status().isFound());
    }

    @Test
    void aProjectOutside40To60IsFlaggedOnTheListAndTheBalancePage() throws Exception {
        fixtures.activity("Kvinnodominerad").project(project).track(1)
                .trainers(TrainerGender.WOMAN, TrainerGender.WOMAN, TrainerGender.WOMAN, TrainerGender.MAN).save();

        mvc.perform(get("/admin/activities").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString(
                        "Könsfördelningen bland utbildarna i " + shortName + " är utanför 40/60: 75 % kvinnor och 25 % män.")));
        mvc.perform(get("/admin/activities/balance").param("projectId", Long.toString(project)).with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 kvinnor (75 %), 1 män (25 %).")))
                .andExpect(content().string(containsString("Utanför 40/60.")))
                .andExpect(content().string(containsString("Kvinnodominerad")));
    }

    @Test
    void aBalancedProjectIsNotFlaggedAndTracksAreCountedApart() throws Exception {
        fixtures.activity("Spår ett, kvinnor").project(project).track(1)
                .trainers(TrainerGender.WOMAN, TrainerGender.WOMAN).save();
        fixtures.activity("Spår två, män").project(project).track(2)
                .trainers(TrainerGender.MAN, TrainerGender.MAN, TrainerGender.NON_BINARY).save();
        // Trainers of a cancelled activity do not count.
        fixtures.activity("Inställd").project(project).track(2).status(ActivityStatus.CANCELLED)
                .trainers(TrainerGender.MAN, TrainerGender.MAN, TrainerGender.MAN).save();

        mvc.perform(get("/admin/activities").with(users.demo("sekreterare")))
                .andExpect(content().string(not(containsString("utbildarna i " + shortName + " är utanför"))));
        mvc.perform(get("/admin/activities/balance").param("projectId", Long.toString(project)).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("2 kvinnor (50 %), 2 män (50 %).")))
                .andExpect(content().string(containsString("1 icke-binära.")))
                .andExpect(content().string(containsString("Inom 40/60.")))
                .andExpect(content().string(not(containsString(">Inställd<"))));

        long activity = jdbc.queryForObject("select id from activity where project_id = ? and title = 'Spår ett, kvinnor'",
                Long.class, project);
        mvc.perform(get("/admin/activities/" + activity).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("2 kvinnor (100 %), 0 män (0 %).")))
                .andExpect(content().string(containsString("Inom 40/60.")));
    }

    @Test
    void aTrainerInSeveralActivitiesCountsOnceInTheProject() throws Exception {
        long a = fixtures.activity("Första").project(project).track(1).save();
        long b = fixtures.activity("Andra").project(project).track(2).save();
        for (long id : new long[] {a, b}) {
            mvc.perform(post("/admin/activities/" + id + "/trainers").with(users.demo("sekreterare")).with(csrf())
                    .param("name", "Samma Person").param("external", "true").param("gender", "MAN")).andExpect(status().isFound());
        }
        mvc.perform(post("/admin/activities/" + a + "/trainers").with(users.demo("sekreterare")).with(csrf())
                .param("name", "Annan Person").param("external", "false").param("gender", "WOMAN")).andExpect(status().isFound());
        mvc.perform(get("/admin/activities/balance").param("projectId", Long.toString(project)).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("1 kvinnor (50 %), 1 män (50 %).")));
    }
}
