package se.kompetensportal.participants.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a commit that may leave a seat free while people wait, fills it. The work is handed to two threads of its
 * own with an unbounded queue: run on the committing request's thread, it would need a second database connection
 * while the request still holds its first, and a rush of requests would then wait for each other's connections
 * forever. Filling is idempotent, so many checks for one activity cost only a cheap read each.
 */
@Component
class FreeSeatFiller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FreeSeatFiller.class);

    private final SignUpService seats;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    FreeSeatFiller(SignUpService seats) {
        this.seats = seats;
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("free-seats-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(SeatsMayBeFree event) {
        executor.execute(() -> {
            try {
                seats.fillFreeSeats(event.activityId());
            } catch (RuntimeException e) {
                log.warn("Could not fill free seats of activity {}", event.activityId(), e);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
