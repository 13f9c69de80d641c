package se.kompetensportal.timereporting;

import java.sql.Date;
import java.time.YearMonth;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.locks.ProjectWriterLock;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.LedgerStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions that write the same project's months at once wait in turn and both succeed ({@link
 * ProjectWriterLock}): one writes two months (as the demo data, a rebuild or an attendance sheet do), the other one of
 * them (as a confirmation does), and it comes between the first one's two months. Before the project's lock was taken
 * ahead of the month's row lock, PostgreSQL ended one of them as a deadlock: the first held the project lock (taken by
 * the summary trigger of its first month) and waited for the second month's row, which the other held while it waited
 * for the project lock.
 */
class ProjectWriterLockTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    AttendanceService attendance;

    @Test
    void aWriterOfTwoMonthsAndAWriterOfOneOfThemWaitInTurnInsteadOfDeadlocking() throws Exception {
        HandComputedFixture f = new HandComputedFixture(
                new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people, attendance, users),
                users, jdbc);
        long first = monthId(f.iko, f.anna, f.m1);
        long second = monthId(f.iko, f.anna, f.m2);
        long firstVersion = version(first);
        long secondVersion = version(second);

        CountDownLatch firstWritten = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> both = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                write(first);
                firstWritten.countDown();
                awaitAWaitingTransaction();
                write(second);
            }));
            Future<?> one = threads.submit(() -> {
                firstWritten.await();
                transactions.executeWithoutResult(tx -> write(second));
                return null;
            });
            // A deadlock fails one of them (PessimisticLockingFailureException) within PostgreSQL's deadlock_timeout.
            both.get(30, TimeUnit.SECONDS);
            one.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(version(first)).isEqualTo(firstVersion + 1);
        assertThat(version(second)).isEqualTo(secondVersion + 2);
    }

    /** As every writer of a month does: its row under lock, then the update (the summary trigger runs after it). */
    private void write(long monthId) {
        store.lock(monthId).orElseThrow();
        jdbc.update("update time_month set version = version + 1, updated_at = now() where id = ?", monthId);
    }

    /** Until the other transaction waits for a lock (it then waits for this one), at most ten seconds. */
    private void awaitAWaitingTransaction() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until && jdbc.queryForObject(
                "select count(*) from pg_locks where not granted", Integer.class) == 0) {
            Thread.onSpinWait();
        }
    }

    private long monthId(long project, long person, YearMonth month) {
        return jdbc.queryForObject("select id from time_month where project_id = ? and person_id = ? and month = ?",
                Long.class, project, person, Date.valueOf(month.atDay(1)));
    }

    private long version(long monthId) {
        return jdbc.queryForObject("select version from time_month where id = ?", Long.class, monthId);
    }
}
