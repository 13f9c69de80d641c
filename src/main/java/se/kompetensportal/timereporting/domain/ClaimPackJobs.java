package se.kompetensportal.timereporting.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds the claim packs that are queued, oldest first, every few seconds on whichever instance holds the job lock
 * (the pack's row is also taken with {@code for update skip locked}, and a pack whose builder died is taken again after
 * ten minutes without a sign of life). Not transactional itself: each step runs through {@code JobSteps}.
 */
@Component
public class ClaimPackJobs {

    private final ClaimPackBuilder builder;

    ClaimPackJobs(ClaimPackBuilder builder) {
        this.builder = builder;
    }

    @Scheduled(fixedDelayString = "${kp.timereporting.claim-pack-interval:PT5S}", initialDelayString = "PT15S")
    @SchedulerLock(name = "time-claim-packs", lockAtMostFor = "PT30M")
    public void buildQueued() {
        while (builder.buildNext()) {
            // one pack after the other until the queue is empty
        }
    }
}
