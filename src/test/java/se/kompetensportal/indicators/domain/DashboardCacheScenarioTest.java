package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityCompleted;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.dialogfund.ApplicationCarriedOut;
import se.kompetensportal.dialogfund.ApplicationDecided;
import se.kompetensportal.dialogfund.ApplicationSubmitted;
import se.kompetensportal.participants.AttendanceRecorded;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every other module's event the steering group's dashboard cache listens to makes it forget the project's
 * dashboards once the publishing transaction commits. {@link Scenario} publishes each event in a transaction of its
 * own, as its module does. Runs on the portal's shared context ({@link EnableScenarios} adds a parameter resolver, not
 * a context of its own): the indicators module depends on almost every other, so a module test of its own would start
 * nearly the whole portal a second time. The activity events use a real activity, since other modules' listeners
 * handle them too.
 */
@EnableScenarios
class DashboardCacheScenarioTest extends PortalIntegrationTest {

    @Autowired
    DashboardCache cache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyEventTheCacheListensToForgetsTheProjectsDashboardsAfterCommit(Scenario scenario) {
        long activity = new ActivityFixtures(activityRepository, projects, transactions)
                .activity("Instrumentpanel " + System.nanoTime()).save();
        long project = jdbc.queryForObject("select project_id from activity where id = ?", Long.class, activity);
        LocalDate today = LocalDate.now();
        Object[] events = {
                new AttendanceRecorded(activity, 1, project, 3, 1),
                new SignUpConfirmed(1, activity, project, 1),
                new SignUpCancelled(1, activity, project, 1, true),
                new ActivityCompleted(activity, project),
                new ActivityCancelled(activity, project, "Inställd"),
                new ApplicationSubmitted(1, 1, project, 2031, "DP-1", BigDecimal.TEN, Instant.now()),
                new ApplicationDecided(1, 1, project, 2031, "DP-1", true, BigDecimal.TEN, today),
                new ApplicationCarriedOut(1, 1, project, 2031, "DP-1", today, 1, 1, 1, 1, BigDecimal.TEN, today)};
        for (Object event : events) {
            AtomicInteger computed = new AtomicInteger();
            Supplier<Dashboard> compute = () -> {
                computed.incrementAndGet();
                return null;
            };
            LocalDate day = LocalDate.of(2031, 1, 1).plusDays(System.nanoTime() % 1000);
            cache.get(project, day, day, day, "sv", compute);
            cache.get(project, day, day, day, "sv", compute);
            assertThat(computed).as("remembered before " + event).hasValue(1);

            scenario.publish(event)
                    .andWaitForStateChange(() -> {
                        cache.get(project, day, day, day, "sv", compute);
                        return computed.get();
                    }, n -> n > 1)
                    .andVerify(n -> assertThat(n).as("computed again after " + event).isEqualTo(2));
        }
    }
}
