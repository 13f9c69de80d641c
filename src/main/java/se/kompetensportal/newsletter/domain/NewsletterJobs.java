package se.kompetensportal.newsletter.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The newsletter's jobs, each under a database lock (ShedLock) so that two instances never run one at the same time.
 * Each job's transactions are opened by another bean's {@code @Transactional} methods, called through its proxy (a
 * {@code @Transactional} method called on {@code this} would run without one).
 * <ul>
 * <li>dispatch (every few seconds): writes issues being sent to the outbox, batch by batch;</li>
 * <li>retention (nightly): erases addresses unsubscribed longer than the set time, deletes requests never confirmed;</li>
 * <li>reminder (every morning): tells the secretaries of a project when six weeks have passed since its last issue.</li>
 * </ul>
 */
@Component
public class NewsletterJobs {

    private static final Logger log = LoggerFactory.getLogger(NewsletterJobs.class);

    private final IssueDispatch dispatch;
    private final SubscriberRetention retention;
    private final NewsletterReminders reminders;

    NewsletterJobs(IssueDispatch dispatch, SubscriberRetention retention, NewsletterReminders reminders) {
        this.dispatch = dispatch;
        this.retention = retention;
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${kp.newsletter.dispatch-interval:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "newsletter-dispatch", lockAtMostFor = "PT30M")
    public void dispatchRun() {
        for (long issueId : dispatch.sending()) {
            int batches = 1;
            while (dispatch.nextBatch(issueId)) {
                batches++;
            }
            log.info("Newsletter issue {} written to the outbox ({} batches)", issueId, batches);
        }
    }

    @Scheduled(cron = "${kp.newsletter.retention-cron:0 30 3 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "newsletter-retention", lockAtMostFor = "PT30M")
    public void retentionRun() {
        SubscriberRetention.Result r = retention.eraseExpired();
        if (r.erased() + r.deleted() > 0) {
            log.info("Newsletter retention: {} unsubscribed addresses erased, {} unconfirmed requests deleted",
                    r.erased(), r.deleted());
        }
    }

    @Scheduled(cron = "${kp.newsletter.reminder-cron:0 0 8 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "newsletter-reminder", lockAtMostFor = "PT30M")
    public void reminderRun() {
        int sent = reminders.remind();
        if (sent > 0) {
            log.info("Reminded {} secretaries to send the next newsletter", sent);
        }
    }
}
