package se.kompetensportal.timereporting.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The confirmation job, under a database lock so two instances never run it at once: from the configured day of each
 * month it sends the open months before the current one for confirmation, and it sends reminders. It is not itself
 * transactional: each month is sent by a call through {@link ConfirmationRequests}' proxy, which opens a transaction
 * of its own, so one month that fails does not undo the others and no lock is held longer than one month takes.
 */
@Component
public class TimeJobs {

    private static final Logger log = LoggerFactory.getLogger(TimeJobs.class);

    private final ConfirmationRequests requests;

    TimeJobs(ConfirmationRequests requests) {
        this.requests = requests;
    }

    /** One pass (void: ShedLock returns nothing when another instance holds the lock). */
    @Scheduled(cron = "${kp.timereporting.cron:0 10 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "time-confirmations", lockAtMostFor = "PT30M")
    public void scheduledConfirmations() {
        int requested = 0;
        int reminded = 0;
        for (long id : requests.dueRequests()) {
            try {
                requested += requests.sendRequest(id) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Time confirmation request for month {} failed; the next run tries again", id, e);
            }
        }
        for (long id : requests.dueReminders()) {
            try {
                reminded += requests.sendReminder(id) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Time confirmation reminder for month {} failed; the next run tries again", id, e);
            }
        }
        if (requested + reminded > 0) {
            log.info("Time confirmations: {} requests and {} reminders queued", requested, reminded);
        }
    }
}
