package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-up makes the project's remembered dashboards be computed again, once it has committed; and it writes nothing
 * to the event publication registry: the cache listens with a plain listener, not a registry-backed one.
 */
class DashboardCacheEventsTest extends PortalIntegrationTest {

    @Autowired
    DashboardCache cache;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSignUpForgetsTheProjectsDashboardsAfterCommitWithoutARegistryEntry() throws Exception {
        ParticipantFixtures fixtures = new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions));
        long activity = fixtures.activities().activity("Cache " + System.nanoTime()).seats(5).save();
        long project = jdbc.queryForObject("select project_id from activity where id = ?", Long.class, activity);
        long person = fixtures.person("Cachad", Gender.WOMAN);
        AtomicInteger computed = new AtomicInteger();
        Supplier<Dashboard> compute = () -> {
            computed.incrementAndGet();
            return null;
        };
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(System.nanoTime() % 1000);
        cache.get(project, day, day, day, "sv", compute);
        cache.get(project, day, day, day, "sv", compute);
        assertThat(computed).hasValue(1);

        List<String> statements = SqlStatements.during(() -> transactions.executeWithoutResult(tx -> {
            seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);
            cache.get(project, day, day, day, "sv", compute);
            assertThat(computed).as("not forgotten before commit").hasValue(1);
        }));
        cache.get(project, day, day, day, "sv", compute);

        assertThat(computed).as("forgotten after commit").hasValue(2);
        assertThat(statements).as("statements of the sign-up").isNotEmpty()
                .noneMatch(sql -> sql.contains("event_publication"));
    }
}
