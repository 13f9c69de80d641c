package se.kompetensportal.shared.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivitySeatsChanged;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Module listeners' publications: deleted once the listener completed; a publication nothing happened to for a while
 * (its instance stopped) is run again, one still fresh is left to the instance running it; a failing one is retried
 * with a back-off, by one instance at a time, up to a limit.
 */
class EventPublicationRetriesTest extends PortalIntegrationTest {

    @Autowired
    EventPublicationRetries retries;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void aCompletedPublicationIsDeleted() {
        long activity = fullWithOneWaiting("Raderad publikation");
        long waiting = firstWaiting(activity);
        jdbc.update("update activity set seats = 2 where id = ?", activity);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ActivitySeatsChanged(activity, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(fixtures.status(waiting)));
        await().atMost(Duration.ofSeconds(20)).until(() -> publicationsOf(activity).isEmpty());
    }

    @Test
    void aStalePublicationIsRunAgainAndAFreshOneIsLeftToItsInstance() {
        String listener = listenerOfSeatsChanged();
        long lost = fullWithOneWaiting("Förlorad publikation");
        long running = fullWithOneWaiting("Pågående publikation");
        long lostWaiting = firstWaiting(lost);
        long runningWaiting = firstWaiting(running);
        jdbc.update("update activity set seats = 2 where id in (?, ?)", lost, running);
        publication(listener, lost, "now() - interval '1 hour'");
        UUID fresh = publication(listener, running, "now()");

        retries.retry();

        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(fixtures.status(lostWaiting)));
        await().atMost(Duration.ofSeconds(20)).until(() -> publicationsOf(lost).isEmpty());
        assertThat(fixtures.status(runningWaiting)).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select status from event_publication where id = ?", String.class, fresh))
                .isEqualTo("PUBLISHED");
        jdbc.update("delete from event_publication where id = ?", fresh);
    }

    @Test
    void aFailingListenerIsRetriedByOneInstanceWithABackOffUpToALimit() throws Exception {
        long missing = -System.nanoTime();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ActivitySeatsChanged(missing, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(missing)));
        assertThat(attempts(missing)).as("the first run counts as the first attempt").isEqualTo(1);

        // Two instances run the job at the same moment: the publication is resubmitted once.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> both = List.of(
                CompletableFuture.supplyAsync(() -> awaitThen(start)), CompletableFuture.supplyAsync(() -> awaitThen(start)));
        start.countDown();
        both.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(missing) + " " + attempts(missing)).isEqualTo("FAILED 2"));

        retries.retry();
        assertThat(attempts(missing)).as("not again within the back-off").isEqualTo(2);

        jdbc.update("update event_publication set last_resubmission_date = now() - interval '2 minutes' "
                + "where serialized_event like ?", "%" + missing + "%");
        retries.retry();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(missing) + " " + attempts(missing)).isEqualTo("FAILED 3"));

        jdbc.update("update event_publication set completion_attempts = 10, last_resubmission_date = now() - interval "
                + "'1 day' where serialized_event like ?", "%" + missing + "%");
        retries.retry();
        assertThat(attempts(missing)).as("given up after the limit").isEqualTo(10);
        assertThat(status(missing)).isEqualTo("FAILED");
        jdbc.update("delete from event_publication where serialized_event like ?", "%" + missing + "%");
    }

    private int awaitThen(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return retries.retry();
    }

    private long fullWithOneWaiting(String title) {
        long activity = fixtures.activities().activity(title + " " + System.nanoTime()).seats(1).save();
        seats.signUp(activity, people.findById(fixtures.person("Först", Gender.WOMAN)).orElseThrow(), null, null, true);
        seats.signUp(activity, people.findById(fixtures.person("Sist", Gender.MAN)).orElseThrow(), null, null, true);
        return activity;
    }

    private long firstWaiting(long activity) {
        return jdbc.queryForObject("select id from sign_up where activity_id = ? and status = 'WAITING'", Long.class,
                activity);
    }

    /** The registry's name of the participants module's listener to ActivitySeatsChanged, from a real publication. */
    private String listenerOfSeatsChanged() {
        long missing = -System.nanoTime();
        transactions.executeWithoutResult(tx -> events.publishEvent(new ActivitySeatsChanged(missing, 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(missing)));
        String listener = jdbc.queryForObject("select listener_id from event_publication where serialized_event like ?",
                String.class, "%" + missing + "%");
        jdbc.update("delete from event_publication where serialized_event like ?", "%" + missing + "%");
        return listener;
    }

    /** A publication as another instance would have left it: published at the given time, not completed. */
    private UUID publication(String listener, long activity, String publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                                               completion_attempts)
                values (?, ?, ?, ?, %s, 'PUBLISHED', 1)""".formatted(publishedAt), id, listener,
                ActivitySeatsChanged.class.getName(), "{\"activityId\":" + activity + ",\"seats\":2}");
        return id;
    }

    private List<String> publicationsOf(long activity) {
        return jdbc.queryForList("select status from event_publication where serialized_event like ?", String.class,
                "%\"activityId\":" + activity + ",%");
    }

    private String status(long activity) {
        List<String> statuses = publicationsOf(activity);
        return statuses.isEmpty() ? null : statuses.getFirst();
    }

    private int attempts(long activity) {
        return jdbc.queryForObject("select completion_attempts from event_publication where serialized_event like ?",
                Integer.class, "%\"activityId\":" + activity + ",%");
    }
}
