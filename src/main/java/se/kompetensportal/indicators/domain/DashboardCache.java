package se.kompetensportal.indicators.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityCompleted;
import se.kompetensportal.dialogfund.ApplicationCarriedOut;
import se.kompetensportal.dialogfund.ApplicationDecided;
import se.kompetensportal.dialogfund.ApplicationSubmitted;
import se.kompetensportal.participants.AttendanceRecorded;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.timereporting.TimeLedgerChanged;

/**
 * Remembers computed dashboards (one per project, period, as-of date and language) while the project's data is
 * unchanged, for at most {@code kp.dashboard.cache-seconds} (300; 0 turns the cache off). A project's dashboards are
 * forgotten when, after commit, the other modules announce a change that moves its figures (attendance recorded, a
 * sign-up confirmed or cancelled, a month of the time ledger changed or confirmed, an activity completed or cancelled, a dialog fund application submitted, decided or
 * carried out) and when this module changes its indicators, values or collaboration projects. Changes that are not
 * announced as events (a trainer edited, an evaluation answered, an actor's plan filed) show within the time limit.
 * Only aggregates are kept, and the caller checks that the user may follow the project before asking.
 *
 * <p>The listeners are plain {@link EventListener}s that register an in-memory after-commit callback, not
 * {@code @TransactionalEventListener}s: Spring Modulith wraps every transactional after-commit listener in its
 * completion bookkeeping, which opens a second transaction (a second database connection) on the publishing request's
 * thread while the first is still held. Forgetting a cache entry needs no database and may be lost in a crash.
 */
@Component
public class DashboardCache {

    private static final int MAX_ENTRIES = 1000;

    private record Key(long projectId, LocalDate from, LocalDate to, LocalDate asOf, String language) {
    }

    private record Entry(Dashboard dashboard, long generation, Instant at) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;

    DashboardCache(@Value("${kp.dashboard.cache-seconds:300}") long seconds, Clock clock) {
        this.maxAge = Duration.ofSeconds(seconds);
        this.clock = clock;
    }

    Dashboard get(long projectId, LocalDate from, LocalDate to, LocalDate asOf, String language,
            Supplier<Dashboard> compute) {
        if (maxAge.isZero()) {
            return compute.get();
        }
        Key key = new Key(projectId, from, to, asOf, language);
        long generation = generation(projectId).get();
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && e.generation() == generation && e.at().plus(maxAge).isAfter(now)) {
            return e.dashboard();
        }
        Dashboard d = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(d, generation, now));
        return d;
    }

    /** Forgets the project's dashboards. */
    public void changed(long projectId) {
        generation(projectId).incrementAndGet();
    }

    /** Forgets the project's dashboards once the current transaction commits (at once without a transaction). */
    static void afterCommit(DashboardCache cache, long projectId) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.changed(projectId);
                        }
                    });
        } else {
            cache.changed(projectId);
        }
    }

    private AtomicLong generation(long projectId) {
        return generations.computeIfAbsent(projectId, id -> new AtomicLong());
    }

    @EventListener
    void on(AttendanceRecorded e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(SignUpConfirmed e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(SignUpCancelled e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(ActivityCompleted e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(ActivityCancelled e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(ApplicationSubmitted e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(ApplicationDecided e) {
        afterCommit(this, e.projectId());
    }

    @EventListener
    void on(ApplicationCarriedOut e) {
        afterCommit(this, e.projectId());
    }

    /** A month's minutes or confirmation changed: only a counter moves after commit, no database work. */
    @EventListener
    void on(TimeLedgerChanged e) {
        afterCommit(this, e.projectId());
    }
}
