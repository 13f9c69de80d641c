package se.kompetensportal.timereporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

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
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.AttendanceChanged;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.PersonMerged;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.ModuleTestData;
import se.kompetensportal.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time reporting module with what it uses (participants, activities, accounts, notifications, projects): the
 * ledger follows the participants module's attendance events in the publishing transaction. An attendance change
 * books the person's minutes in the session's month; a merge moves the duplicate's months to the person kept.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class TimeReportingModuleTest {

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
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;

    ParticipantFixtures fixtures;
    ModuleTestData.Project project;
    long activity;
    long session;
    LocalDate date;

    @BeforeEach
    void aHeldSession() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        project = ModuleTestData.project(jdbc, "Tidmodulen");
        activity = fixtures.activities().activity("Hållen").project(project.id()).save();
        session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        date = LocalDate.now().minusDays(3);
    }

    @Test
    void attendanceIsBookedInTheSessionsMonth(Scenario scenario) {
        long person = attended("Närvarande", 150);

        scenario.publish(new AttendanceChanged(project.id(), activity, session, date, List.of(person)))
                .andWaitForStateChange(() -> minutes(person), m -> m != null)
                .andVerify(m -> assertThat(m).isEqualTo(150));
    }

    @Test
    void aMergeMovesTheDuplicatesMonthsToThePersonKept(Scenario scenario) {
        long duplicate = attended("Dubblett", 90);
        long kept = fixtures.person("Kvar", Gender.WOMAN);
        transactions.executeWithoutResult(tx -> scenarioFree(duplicate));
        assertThat(minutes(duplicate)).isEqualTo(90);
        jdbc.update("update attendance set person_id = ? where person_id = ?", kept, duplicate);
        jdbc.update("update sign_up set person_id = ? where person_id = ?", kept, duplicate);

        scenario.publish(new PersonMerged(kept, duplicate))
                .andWaitForStateChange(() -> minutes(kept), m -> m != null)
                .andVerify(m -> assertThat(m).isEqualTo(90));
        assertThat(minutes(duplicate)).isIn(null, 0);
    }

    /** Books the duplicate's attendance through the same event, before the merge. */
    private void scenarioFree(long person) {
        events.publishEvent(new AttendanceChanged(project.id(), activity, session, date, List.of(person)));
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private long attended(String name, int minutes) {
        long person = fixtures.person(name, Gender.WOMAN);
        long signUp = seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended, session_minutes)
                values (?, ?, ?, ?, ?, (select track_id from activity where id = ?), ?, ?, true, 420)""",
                session, person, signUp, activity, project.id(), activity, date, minutes);
        return person;
    }

    private Integer minutes(long person) {
        List<Integer> found = jdbc.queryForList("select minutes from time_month where person_id = ? and month = ?",
                Integer.class, person, YearMonth.from(date).atDay(1));
        return found.isEmpty() ? null : found.getFirst();
    }
}
