package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.shared.web.Formats;

/**
 * The evaluation job, under a database lock so two instances never run it at once: sends drafts a configurable time
 * after the activity's last session, invites late-recorded attendees, sends reminders and closes past evaluations.
 */
@Component
public class EvaluationJobs {

    private static final Logger log = LoggerFactory.getLogger(EvaluationJobs.class);

    private final EvaluationStore evaluations;
    private final Invitations invitations;
    private final ActivitiesApi activities;
    private final Clock clock;

    EvaluationJobs(EvaluationStore evaluations, Invitations invitations, ActivitiesApi activities, Clock clock) {
        this.evaluations = evaluations;
        this.invitations = invitations;
        this.activities = activities;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.surveys.cron:0 */15 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "evaluation-invitations", lockAtMostFor = "PT30M")
    public void scheduled() {
        run();
    }

    /** One pass of the job; returns how many mails were queued. */
    @Transactional
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        int closed = evaluations.closeEnded(today);
        Instant now = clock.instant();
        int mails = 0;
        for (Evaluation draft : evaluations.withStatus(EvaluationStatus.DRAFT)) {
            ActivityInfo activity = activities.activity(draft.activityId()).orElse(null);
            if (activity == null || activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.DRAFT) {
                continue;
            }
            Instant due = invitations.sendDue(activity.lastSessionEnd());
            if (due != null && !now.isBefore(due) && invitations.sendable(draft)) {
                // Under the row lock, so that a secretary's "send now" at the same moment sends once.
                Evaluation locked = evaluations.lock(draft.id()).orElse(null);
                if (locked != null && locked.status() == EvaluationStatus.DRAFT) {
                    mails += invitations.send(locked);
                }
            }
        }
        for (Evaluation open : evaluations.withStatus(EvaluationStatus.OPEN)) {
            Evaluation locked = evaluations.lock(open.id()).orElse(null);
            if (locked == null || locked.status() != EvaluationStatus.OPEN) {
                continue;
            }
            mails += invitations.inviteNew(locked.id(), locked.activityId(), locked.closesOn());
            mails += invitations.remindIfDue(locked);
        }
        if (mails > 0 || closed > 0) {
            log.info("Evaluations: {} mails queued, {} evaluations closed", mails, closed);
        }
        return mails;
    }
}
