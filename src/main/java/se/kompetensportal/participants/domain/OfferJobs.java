package se.kompetensportal.participants.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * Ends waiting-list offers whose time ran out and passes each seat on, every minute, under a database lock; each offer
 * in a transaction of its own ({@link JobSteps}) on {@link OfferService}.
 */
@Component
class OfferJobs {

    private static final Logger log = LoggerFactory.getLogger(OfferJobs.class);

    private final OfferService offers;
    private final JobSteps steps;

    OfferJobs(OfferService offers, JobSteps steps) {
        this.offers = offers;
        this.steps = steps;
    }

    @Scheduled(cron = "${kp.participants.offers-cron:30 * * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "seat-offers")
    public void scheduledExpiry() {
        int expired = 0;
        for (Long id : offers.due()) {
            expired += steps.run("seat-offers", "offer " + id, () -> offers.expire(id) ? 1 : 0).orElse(0);
        }
        if (expired > 0) {
            log.info("Seat offers: {} ran out and were passed on", expired);
        }
    }
}
