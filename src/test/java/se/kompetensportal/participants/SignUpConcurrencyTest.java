package se.kompetensportal.participants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.CancelledBy;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.participants.domain.SignUpStatus;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never more confirmed than seats, however many sign up at the same moment; the waiting list is numbered 1..n without
 * gaps or duplicates; a freed seat goes to exactly one person, two freed seats to exactly two; seats freed during a
 * rush of sign-ups never stay free while people wait.
 */
class SignUpConcurrencyTest extends PortalIntegrationTest {

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

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void twoHundredParallelSignUpsForTwentySeats() throws Exception {
        long activity = fixtures.activities().activity("Rusning " + System.nanoTime()).seats(20).save();
        List<Long> persons = IntStream.range(0, 200).mapToObj(i -> fixtures.person("P" + i, Gender.WOMAN)).toList();

        List<SignUpStatus> outcomes = inParallel(persons.stream().<Callable<SignUpStatus>>map(person -> () ->
                seats.signUp(activity, people.findById(person).orElseThrow(), null, null, false).status()).toList());

        assertThat(outcomes).filteredOn(s -> s == SignUpStatus.CONFIRMED).hasSize(20);
        assertThat(outcomes).filteredOn(s -> s == SignUpStatus.WAITING).hasSize(180);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(20);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(20);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 180).boxed().toList());

        // One cancellation promotes exactly one, the first in line.
        long first = firstWaiting(activity);
        long someSeat = jdbc.queryForObject("select min(id) from sign_up where activity_id = ? and status = 'CONFIRMED'",
                Long.class, activity);
        seats.cancel(someSeat, CancelledBy.PARTICIPANT);
        assertThat(fixtures.status(first)).isEqualTo("CONFIRMED");
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(20);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(179);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 179).boxed().toList());

        // Two cancellations at the same moment promote exactly two.
        List<Long> twoSeats = jdbc.queryForList("""
                select id from sign_up where activity_id = ? and status = 'CONFIRMED' order by id limit 2""",
                Long.class, activity);
        inParallel(twoSeats.stream().<Callable<Boolean>>map(id -> () -> {
            seats.cancel(id, CancelledBy.PARTICIPANT);
            return true;
        }).toList());
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(20);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(177);
        assertThat(fixtures.count(activity, "CANCELLED")).isEqualTo(3);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(20);
    }

    @Test
    void cancellationsDuringARushNeverLeaveASeatFreeWhilePeopleWait() throws Exception {
        long activity = fixtures.activities().activity("Avbokning i rusning " + System.nanoTime()).seats(10).save();
        List<Long> holders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            holders.add(seats.signUp(activity, people.findById(fixtures.person("H" + i, Gender.MAN)).orElseThrow(),
                    null, null, false).signUpId());
        }
        List<Long> newcomers = IntStream.range(0, 40).mapToObj(i -> fixtures.person("N" + i, Gender.WOMAN)).toList();

        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long person = newcomers.get(i);
            tasks.add(() -> seats.signUp(activity, people.findById(person).orElseThrow(), null, null, false) != null);
            if (i % 4 == 0) {
                long holder = holders.get(i / 4);
                tasks.add(() -> {
                    seats.cancel(holder, CancelledBy.PARTICIPANT);
                    return true;
                });
            }
        }
        inParallel(tasks);
        // A seat freed in the middle of the rush is filled right after the commits, by the free-seat filler.
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.count(activity, "CONFIRMED") >= 10);

        assertThat(fixtures.count(activity, "CANCELLED")).isEqualTo(10);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(10);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(10);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(30);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void aPersonCanSignUpOnlyOnceEvenWithTwoRequestsAtOnce() throws Exception {
        long activity = fixtures.activities().activity("Dubbelklick " + System.nanoTime()).seats(5).save();
        long person = fixtures.person("Dubbel", Gender.MAN);
        List<Object> outcomes = inParallel(List.<Callable<Object>>of(
                () -> attempt(activity, person), () -> attempt(activity, person), () -> attempt(activity, person)));
        assertThat(outcomes).filteredOn(o -> o == SignUpStatus.CONFIRMED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> "signUp.already".equals(o)).hasSize(2);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
    }

    private Object attempt(long activity, long person) {
        try {
            return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, false).status();
        } catch (se.kompetensportal.shared.web.BusinessRuleException e) {
            return e.messageKey();
        }
    }

    private List<Integer> waitingPositions(long activity) {
        return jdbc.queryForList("""
                select (select count(*) from sign_up w where w.activity_id = s.activity_id and w.status = 'WAITING'
                                                      and w.waiting_since <= s.waiting_since)::int
                from sign_up s where s.activity_id = ? and s.status = 'WAITING' order by 1""", Integer.class, activity);
    }

    private long firstWaiting(long activity) {
        return jdbc.queryForObject("""
                select id from sign_up where activity_id = ? and status = 'WAITING' order by waiting_since limit 1""",
                Long.class, activity);
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
