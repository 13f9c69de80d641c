package se.kompetensportal.shared.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the work of module listeners ({@code @ApplicationModuleListener}) that did not complete, in a way that is
 * safe with several instances on one database. Spring Modulith stores a publication for each such listener in the
 * transaction that publishes the event, and deletes it when the listener has run (completion mode {@code delete}).
 * What is left is either still running somewhere, or was lost (the instance stopped) or failed.
 *
 * <p>Modulith's own re-publication on restart is off: it would resubmit every incomplete publication, including those
 * another instance is running at that moment. Instead this job, under a database lock (one instance at a time):
 * <ol>
 * <li>marks as failed the publications nothing has happened to for {@code kp.events.stale-after} (10 minutes): not
 * started, not finished, or resubmitted but not finished, counted from the publication or its last resubmission.
 * (Modulith's staleness monitor counts from the publication date only, so it would also fail a resubmission that is
 * running right now.)</li>
 * <li>resubmits failed publications with a back-off (at once, then 1, 2, 4 … minutes after the last resubmission, at
 * most an hour apart) until {@code kp.events.max-attempts} (10, the first run included) have failed; Modulith claims
 * each one with a conditional update, so two instances never resubmit the same publication at once.</li>
 * </ol>
 * A listener may therefore run twice for one event (after a stale period, or a crash after its work was committed
 * but before its completion was recorded): module listeners are idempotent.
 */
@Component
class EventPublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetries.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final FailedEventPublications failed;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxAttempts;
    private final AtomicReference<Instant> lastGiveUpWarning = new AtomicReference<>(Instant.EPOCH);

    EventPublicationRetries(FailedEventPublications failed, JdbcTemplate jdbc, Clock clock,
            @Value("${kp.events.stale-after:PT10M}") Duration staleAfter,
            @Value("${kp.events.max-attempts:10}") int maxAttempts) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${kp.events.retry-interval:PT1M}", initialDelayString = "${kp.events.retry-interval:PT1M}")
    @SchedulerLock(name = "event-publication-retries", lockAtMostFor = "PT10M")
    public void scheduledRetry() {
        retry();
    }

    /** Marks stale publications failed and resubmits those due; returns how many were due. */
    public int retry() {
        Instant now = clock.instant();
        int stale = jdbc.update("""
                update event_publication set status = 'FAILED'
                where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                  and coalesce(last_resubmission_date, publication_date) < ?""", Timestamp.from(now.minus(staleAfter)));
        if (stale > 0) {
            log.warn("{} event publication(s) did not complete within {}; they will be resubmitted", stale, staleAfter);
        }
        AtomicInteger resubmitted = new AtomicInteger();
        AtomicInteger givenUp = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(1000).withFilter(p -> {
            if (p.getCompletionAttempts() >= maxAttempts) {
                givenUp.incrementAndGet();
                return false;
            }
            boolean due = isDue(p, now);
            if (due) {
                resubmitted.incrementAndGet();
            }
            return due;
        }));
        if (givenUp.get() > 0 && lastGiveUpWarning.get().isBefore(now.minus(Duration.ofHours(1)))) {
            lastGiveUpWarning.set(now);
            log.error("{} event publication(s) failed {} times and are no longer resubmitted: see event_publication",
                    givenUp.get(), maxAttempts);
        }
        return resubmitted.get();
    }

    /**
     * Failed at its first run (resubmitted at once), or the back-off after the last resubmission has passed. Modulith
     * counts the first run as attempt 1 and sets the last resubmission date to the publication date at first.
     */
    private static boolean isDue(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate();
        int attempts = publication.getCompletionAttempts();
        if (last == null || attempts <= 1) {
            return true;
        }
        Duration backoff = Duration.ofMinutes(1L << Math.min(attempts - 2, 20));
        return !last.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff).isAfter(now);
    }
}
