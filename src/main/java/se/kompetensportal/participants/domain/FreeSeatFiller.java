package se.kompetensportal.participants.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * After a commit that may leave a seat free while people wait, fills it. The work is handed to two threads of its
 * own with an unbounded queue, and it is neither an event nor done on the committing request's thread: either would
 * need a second database connection (for the listener's transaction, or the event registry's bookkeeping) while the
 * request still holds its first, and a rush of requests would then wait for each other's connections until they time
 * out. Filling is idempotent, so many checks for one activity cost only a cheap read each.
 */
@Component
class FreeSeatFiller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FreeSeatFiller.class);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final ObjectProvider<SignUpService> seats;

    /** Takes the service lazily: the two refer to each other. */
    FreeSeatFiller(ObjectProvider<SignUpService> seats) {
        this.seats = seats;
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("free-seats-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    /** Checks the activity for a free seat and someone waiting once the current transaction has committed. */
    void afterCommit(long activityId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submit(activityId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(activityId);
            }
        });
    }

    private void submit(long activityId) {
        executor.execute(() -> {
            try {
                seats.getObject().fillFreeSeats(activityId);
            } catch (RuntimeException e) {
                log.warn("Could not fill free seats of activity {}", activityId, e);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
