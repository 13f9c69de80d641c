package se.kompetensportal.participants;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.CancelledBy;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpResult;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.participants.domain.SignUpStatus;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Never more confirmed than seats, however many sign up at the same moment; the waiting list is numbered 1..n without
 * gaps or duplicates, and each person is told (result and mail) the position they have at commit, no two the same; a
 * freed seat goes to exactly one person, two freed seats to exactly two; no seat is ever free while people wait, even
 * with cancellations racing new sign-ups; and a sign-up needs one database connection, not two.
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
    @Autowired
    DataSource dataSource;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void twoHundredParallelSignUpsForTwentySeats() throws Exception {
        long activity = fixtures.activities().activity("Rusning " + System.nanoTime()).seats(20).save();
        List<Long> persons = IntStream.range(0, 200).mapToObj(i -> fixtures.person("P" + i, Gender.WOMAN)).toList();

        List<SignUpResult> results = inParallel(persons.stream().<Callable<SignUpResult>>map(person -> () ->
                seats.signUp(activity, people.findById(person).orElseThrow(), null, null, false)).toList());
        List<SignUpStatus> outcomes = results.stream().map(SignUpResult::status).toList();

        assertThat(outcomes).filteredOn(s -> s == SignUpStatus.CONFIRMED).hasSize(20);
        assertThat(outcomes).filteredOn(s -> s == SignUpStatus.WAITING).hasSize(180);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(20);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(20);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 180).boxed().toList());
        // What each was told is unique and is their place in the final list; the mail says the same.
        Map<Long, Integer> finalPositions = positionsBySignUp(activity);
        List<SignUpResult> waiting = results.stream().filter(r -> r.status() == SignUpStatus.WAITING).toList();
        assertThat(waiting.stream().map(SignUpResult::position).sorted().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 180).boxed().toList());
        for (SignUpResult r : waiting) {
            assertThat(r.position()).isEqualTo(finalPositions.get(r.signUpId()).longValue());
            assertThat(waitingMailOf(r.signUpId())).contains("som nummer " + r.position() + ".");
        }

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
        List<Boolean> freeWhileWaiting = watchForFreeSeatWhileWaiting(activity, () -> inParallel(tasks));

        assertThat(freeWhileWaiting).as("a committed state with a free seat and someone waiting").doesNotContain(true)
                .isNotEmpty();
        assertThat(fixtures.count(activity, "CANCELLED")).isEqualTo(10);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(10);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(10);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(30);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void withOffersARushOfCancellationsAndAnswersNeverOverbooksNorLeavesASeatIdle() throws Exception {
        long activity = fixtures.activities().activity("Erbjudanden i rusning " + System.nanoTime()).seats(10).save();
        jdbc.update("insert into sign_up_settings (activity_id, offer_hours) values (?, 24)", activity);
        List<Long> signUps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            signUps.add(seats.signUp(activity, people.findById(fixtures.person("O" + i, Gender.MAN)).orElseThrow(),
                    null, null, false).signUpId());
        }
        // Ten cancel at once: ten offers, one each to the ten who waited longest, the seats held meanwhile.
        List<Callable<Object>> cancels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long holder = signUps.get(i);
            cancels.add(() -> {
                seats.cancel(holder, CancelledBy.PARTICIPANT);
                return true;
            });
        }
        List<Boolean> idle = watchForIdleSeat(activity, () -> inParallel(cancels));
        assertThat(idle).doesNotContain(true).isNotEmpty();
        assertThat(openOffers(activity)).containsExactlyInAnyOrderElementsOf(signUps.subList(10, 20));
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(10);

        // Then: five accept, five decline, each twice at once, while five more holders cancel.
        List<Callable<Object>> answers = new ArrayList<>();
        for (int i = 10; i < 20; i++) {
            String token = jdbc.queryForObject("select token from seat_offer where sign_up_id = ?", String.class,
                    signUps.get(i));
            String answer = i % 2 == 0 ? "accept" : "decline";
            for (int twice = 0; twice < 2; twice++) {
                answers.add(() -> mvc.perform(post("/offers/" + token + "/" + answer).with(csrf()))
                        .andReturn().getResponse().getStatus());
            }
        }
        for (int i = 20; i < 25; i++) {
            long holder = signUps.get(i);
            answers.add(() -> {
                seats.cancel(holder, CancelledBy.PARTICIPANT);
                return true;
            });
        }
        idle = watchForIdleSeat(activity, () -> inParallel(answers));
        assertThat(idle).doesNotContain(true).isNotEmpty();
        int confirmed = fixtures.count(activity, "CONFIRMED");
        int open = openOffers(activity).size();
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(confirmed + open).isLessThanOrEqualTo(10);
        // Every seat is either taken or held by an open offer, since people still wait.
        assertThat(confirmed + open).isEqualTo(10);
        assertThat(jdbc.queryForObject("""
                select count(*) from (select sign_up_id from seat_offer where status = 'OPEN' and activity_id = ?
                group by sign_up_id having count(*) > 1) d""", Integer.class, activity)).isZero();
    }

    /** States seen while the race runs: a seat neither taken nor offered while someone waits without an offer. */
    private List<Boolean> watchForIdleSeat(long activity, Callable<?> race) throws Exception {
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            do {
                seen.add(Boolean.TRUE.equals(jdbc.queryForObject("""
                        select a.seats_taken < a.seats
                               and exists (select 1 from sign_up s where s.activity_id = a.id and s.status = 'WAITING'
                                   and not exists (select 1 from seat_offer o where o.sign_up_id = s.id and o.status = 'OPEN'))
                        from activity a where a.id = ?""", Boolean.class, activity)));
            } while (running.get());
        });
        try {
            race.call();
        } finally {
            running.set(false);
            watcher.join();
        }
        return seen;
    }

    private List<Long> openOffers(long activity) {
        return jdbc.queryForList("select sign_up_id from seat_offer where activity_id = ? and status = 'OPEN'",
                Long.class, activity);
    }

    @Test
    void tenCancellationsRacingTenSignUpsOnAFullListLeaveNoSeatFree() throws Exception {
        long activity = fixtures.activities().activity("Avbokning mot anmälan " + System.nanoTime()).seats(10).save();
        List<Long> signUps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            signUps.add(seats.signUp(activity, people.findById(fixtures.person("F" + i, Gender.MAN)).orElseThrow(),
                    null, null, false).signUpId());
        }
        List<Long> newcomers = IntStream.range(0, 10).mapToObj(i -> fixtures.person("R" + i, Gender.WOMAN)).toList();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long holder = signUps.get(i);
            long person = newcomers.get(i);
            tasks.add(() -> {
                seats.cancel(holder, CancelledBy.PARTICIPANT);
                return true;
            });
            tasks.add(() -> seats.signUp(activity, people.findById(person).orElseThrow(), null, null, false));
        }
        List<Boolean> freeWhileWaiting = watchForFreeSeatWhileWaiting(activity, () -> inParallel(tasks));

        assertThat(freeWhileWaiting).doesNotContain(true).isNotEmpty();
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(10);
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(10);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(10);
        assertThat(waitingPositions(activity)).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
        // The ten who waited longest got the ten seats given up.
        assertThat(signUps.subList(10, 20)).allSatisfy(id -> assertThat(fixtures.status(id)).isEqualTo("CONFIRMED"));
    }

    @Test
    void aSignUpNeedsOneDatabaseConnection() throws Exception {
        long activity = fixtures.activities().activity("En anslutning " + System.nanoTime()).seats(1).save();
        String first = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        String second = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        try {
            // Everything but one connection is in use elsewhere.
            while (taken.size() < pool.getMaximumPoolSize() - 1) {
                taken.add(pool.getConnection());
            }
            mvc.perform(signUp(activity, first)).andExpect(status().isFound());
            mvc.perform(signUp(activity, second)).andExpect(status().isFound());
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(1);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(1);
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

    private Map<Long, Integer> positionsBySignUp(long activity) {
        Map<Long, Integer> positions = new HashMap<>();
        jdbc.query("""
                select id, row_number() over (order by waiting_since) from sign_up
                where activity_id = ? and status = 'WAITING'""",
                rs -> {
                    positions.put(rs.getLong(1), rs.getInt(2));
                }, activity);
        return positions;
    }

    private String waitingMailOf(long signUpId) {
        return jdbc.queryForObject("""
                select m.body_text from outbox_message m join person p on p.email = m.recipient
                join sign_up s on s.person_id = p.id
                where s.id = ? and m.category = 'participants.waiting'""", String.class, signUpId);
    }

    /**
     * Runs the race while another thread keeps reading, each time in one statement (one committed state), whether the
     * activity has a free seat while someone waits; returns what it read.
     */
    private List<Boolean> watchForFreeSeatWhileWaiting(long activity, Callable<?> race) throws Exception {
        List<Boolean> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            do {
                seen.add(Boolean.TRUE.equals(jdbc.queryForObject("""
                        select a.seats_taken < a.seats
                               and exists (select 1 from sign_up s where s.activity_id = a.id and s.status = 'WAITING')
                        from activity a where a.id = ?""", Boolean.class, activity)));
            } while (running.get());
        });
        try {
            race.call();
        } finally {
            running.set(false);
            watcher.join();
        }
        return seen;
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signUp(long activity,
            String email) {
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        return post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                .param("firstName", "Ena").param("lastName", "Anslutning").param("gender", "WOMAN")
                .param("employerOrganisationId", Long.toString(kalmar))
                .param("personalId", ParticipantFixtures.personalId());
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
