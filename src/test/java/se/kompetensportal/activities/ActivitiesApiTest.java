package se.kompetensportal.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the participants module will use: activity facts, sessions, and seat reservation with one conditional update
 * that never overbooks, even under concurrency, and that rolls back with the caller's transaction.
 */
class ActivitiesApiTest extends PortalIntegrationTest {

    @Autowired
    ActivitiesApi api;
    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    ActivityFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        tag = "S" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void activityInfoTellsWhatASignUpNeeds() {
        long id = fixtures.activity(tag + " Info").sessions(2).seats(12).seatsTaken(2).groups("1a", "2").save();
        ActivityInfo info = api.activity(id).orElseThrow();
        LocalDate first = LocalDate.now(Formats.ZONE).plusDays(30);
        assertThat(info.projectId()).isEqualTo(fixtures.ikoId());
        assertThat(info.trackId()).isEqualTo(fixtures.trackId(fixtures.ikoId(), 1));
        assertThat(info.title()).isEqualTo(tag + " Info");
        assertThat(info.kind()).isEqualTo(ActivityKind.COURSE);
        assertThat(info.status()).isEqualTo(ActivityStatus.PUBLISHED);
        assertThat(info.seats()).isEqualTo(12);
        assertThat(info.seatsTaken()).isEqualTo(2);
        assertThat(info.seatsLeft()).isEqualTo(10);
        assertThat(info.firstSessionStart()).isEqualTo(ActivityFixtures.at(first, LocalTime.of(9, 0)));
        assertThat(info.lastSessionEnd()).isEqualTo(ActivityFixtures.at(first.plusWeeks(1), LocalTime.of(16, 0)));
        assertThat(info.registrationCloses()).isEqualTo(ActivityFixtures.at(first.minusDays(2), LocalTime.NOON));
        assertThat(info.cancellationDeadline()).isEqualTo(ActivityFixtures.at(first.minusDays(3), LocalTime.NOON));
        assertThat(info.totalHours()).isEqualByComparingTo(new BigDecimal("14"));
        assertThat(info.place()).isEqualTo("Testlokalen, Storgatan 1, Kalmar");
        assertThat(info.targetGroupIds()).containsExactlyInAnyOrder(fixtures.targetGroupId(fixtures.ikoId(), "1a"),
                fixtures.targetGroupId(fixtures.ikoId(), "2"));
        assertThat(info.path()).isEqualTo("/activities/" + id + "-" + tag.toLowerCase() + "-info");
        assertThat(info.isOpenForSignUp(Instant.now())).isTrue();
        assertThat(info.isOpenForSignUp(info.registrationCloses())).isFalse();
        assertThat(info.isCancellableBy(Instant.now())).isTrue();

        List<SessionInfo> sessions = api.sessions(id);
        assertThat(sessions).extracting(SessionInfo::date).containsExactly(first, first.plusWeeks(1));
        assertThat(sessions.getFirst().start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(sessions.getFirst().end()).isEqualTo(LocalTime.of(16, 0));
        assertThat(sessions.getFirst().hours()).isEqualByComparingTo("7");
        assertThat(sessions.getFirst().activityId()).isEqualTo(id);
        assertThat(api.activities(List.of(id))).extracting(ActivityInfo::id).containsExactly(id);
        assertThat(api.activity(999_999_999L)).isEmpty();
        assertThat(api.sessions(999_999_999L)).isEmpty();
    }

    @Test
    void seatsAreTakenUntilTheActivityIsFullAndGivenBack() {
        long id = fixtures.activity(tag + " Tre platser").seats(3).save();
        assertThat(api.tryReserveSeat(id)).isTrue();
        assertThat(api.tryReserveSeat(id)).isTrue();
        assertThat(api.tryReserveSeat(id)).isTrue();
        assertThat(api.tryReserveSeat(id)).isFalse();
        assertThat(taken(id)).isEqualTo(3);
        api.releaseSeat(id);
        assertThat(taken(id)).isEqualTo(2);
        assertThat(api.tryReserveSeat(id)).isTrue();
        assertThat(api.activity(id).orElseThrow().seatsLeft()).isZero();

        long empty = fixtures.activity(tag + " Tom").save();
        api.releaseSeat(empty);
        assertThat(taken(empty)).isZero();
    }

    @Test
    void onlyPublishedActivitiesTakeSignUps() {
        long draft = fixtures.activity(tag + " Utkast").status(ActivityStatus.DRAFT).save();
        long cancelled = fixtures.activity(tag + " Inställd").status(ActivityStatus.CANCELLED).save();
        assertThat(api.tryReserveSeat(draft)).isFalse();
        assertThat(api.tryReserveSeat(cancelled)).isFalse();
        assertThat(api.tryReserveSeat(999_999_999L)).isFalse();
        assertThat(taken(draft) + taken(cancelled)).isZero();
    }

    @Test
    void concurrentReservationsNeverOverbook() throws Exception {
        long id = fixtures.activity(tag + " Rusning").seats(5).save();
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            attempts.add(() -> {
                start.await();
                return transactions.execute(tx -> api.tryReserveSeat(id));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            attempts.forEach(a -> results.add(pool.submit(a)));
            start.countDown();
            int granted = 0;
            for (Future<Boolean> r : results) {
                granted += r.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken(id)).isEqualTo(5);
    }

    @Test
    void aReservationRollsBackWithTheCallersTransaction() {
        long id = fixtures.activity(tag + " Ångrad").seats(2).save();
        transactions.executeWithoutResult(tx -> {
            assertThat(api.tryReserveSeat(id)).isTrue();
            tx.setRollbackOnly();
        });
        assertThat(taken(id)).isZero();
    }

    @Test
    void theDatabaseRefusesMoreSeatsTakenThanThereAre() {
        long id = fixtures.activity(tag + " Spärr").seats(1).save();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update activity set seats_taken = 2 where id = ?", id))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private int taken(long id) {
        return jdbc.queryForObject("select seats_taken from activity where id = ?", Integer.class, id);
    }
}
