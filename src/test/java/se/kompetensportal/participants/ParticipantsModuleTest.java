package se.kompetensportal.participants;

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
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivitySeatsChanged;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.ModuleTestData;
import se.kompetensportal.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participants module with the modules it uses (activities, accounts, notifications, projects; no others): its
 * listeners of the activities module's events. A cancelled activity cancels every sign-up and writes each person a
 * mail; more seats go to the waiting list, first come first served. The events are published as the activities module
 * publishes them, and the test waits for the listener's effect (they run after commit, from the publication registry).
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class ParticipantsModuleTest {

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

    @BeforeEach
    void aProject() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        project = ModuleTestData.project(jdbc, "Deltagarmodulen");
    }

    @Test
    void aCancelledActivityCancelsEverySignUpAndTellsEachPerson(Scenario scenario) {
        long activity = fixtures.activities().activity("Inställs").project(project.id()).seats(1).save();
        long seat = signUp(activity, "Plats");
        long waiting = signUp(activity, "Kö");
        assertThat(fixtures.status(waiting)).isEqualTo("WAITING");

        scenario.publish(new ActivityCancelled(activity, project.id(), "Kursledaren är sjuk"))
                .andWaitForStateChange(() -> fixtures.status(waiting), "CANCELLED"::equals)
                .andVerifyEvents(events -> assertThat(events).contains(SignUpCancelled.class)
                        .matching(e -> e.signUpId() == seat && e.heldSeat()));
        assertThat(fixtures.status(seat)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_message where recipient in (
                    select p.email from person p join sign_up s on s.person_id = p.id where s.activity_id = ?)""",
                Integer.class, activity)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void moreSeatsGoToTheWaitingListFirstComeFirstServed(Scenario scenario) {
        long activity = fixtures.activities().activity("Fler platser").project(project.id()).seats(1).save();
        signUp(activity, "Först");
        long second = signUp(activity, "Andra");
        long third = signUp(activity, "Tredje");
        jdbc.update("update activity set seats = 2 where id = ?", activity);

        scenario.publish(new ActivitySeatsChanged(activity, 2))
                .andWaitForStateChange(() -> fixtures.status(second), "CONFIRMED"::equals)
                .andVerify(status -> assertThat(fixtures.status(third)).isEqualTo("WAITING"));
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(2);
    }

    private long signUp(long activity, String name) {
        long person = fixtures.person(name, Gender.WOMAN);
        return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
    }
}
