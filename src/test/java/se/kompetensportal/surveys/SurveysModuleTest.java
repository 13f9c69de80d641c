package se.kompetensportal.surveys;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityCompleted;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityPublished;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.ModuleTestData;
import se.kompetensportal.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The surveys module with what it uses (activities, participants, notifications, projects, accounts; not indicators,
 * actors or the rest): a completed activity gets its course evaluation, a published one is announced to those who
 * registered interest in its track.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class SurveysModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ActivityFixtures activities;
    ModuleTestData.Project project;

    @BeforeEach
    void aProject() {
        activities = new ActivityFixtures(activityRepository, projects, transactions);
        project = ModuleTestData.project(jdbc, "Enkätmodulen");
    }

    @Test
    void aCompletedActivityGetsItsCourseEvaluation(Scenario scenario) {
        long activity = activities.activity("Avslutad").project(project.id()).startInDays(-10)
                .status(ActivityStatus.COMPLETED).save();

        scenario.publish(new ActivityCompleted(activity, project.id()))
                .andWaitForStateChange(() -> evaluations(activity), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aPublishedActivityIsAnnouncedToThoseInterestedInItsTrack(Scenario scenario) {
        long activity = activities.activity("Ny kurs").project(project.id()).save();
        String email = "intresserad-" + activity + "@example.se";
        jdbc.update("""
                insert into interest_registration (id, project_id, track_id, name, email, registered_on)
                values (nextval('interest_seq'), ?, ?, 'Intresserad', ?, current_date)""",
                project.id(), project.trackId(), email);

        scenario.publish(new ActivityPublished(activity, project.id()))
                .andWaitForStateChange(() -> mails(email), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        assertThat(jdbc.queryForList("select notified_activity_id from interest_registration where project_id = ?",
                Long.class, project.id())).containsExactly(activity);
    }

    private int evaluations(long activity) {
        return jdbc.queryForObject("""
                select count(*) from evaluation where activity_id = ? and kind = 'COURSE_EVALUATION'""",
                Integer.class, activity);
    }

    private int mails(String email) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, email);
    }
}
