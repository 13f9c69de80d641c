package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.shared.scheduling.JobSteps;
import se.kompetensportal.shared.web.Formats;

/**
 * The evaluation job, under a database lock so two instances never run it at once: sends drafts a configurable time
 * after the activity's last session, invites late-recorded attendees, sends reminders and closes past evaluations.
 */
@Component
public class EvaluationJobs {

    private static final Logger log = LoggerFactory.getLogger(EvaluationJobs.class);
    private static final String JOB = "evaluation-invitations";

    private final EvaluationStore evaluations;
    private final Invitations invitations;
    private final ActivitiesApi activities;
    private final JobSteps steps;
    private final Clock clock;

    EvaluationJobs(EvaluationStore evaluations, Invitations invitations, ActivitiesApi activities, JobSteps steps,
            Clock clock) {
        this.steps = steps;
        this.evaluations = evaluations;
        this.invitations = invitations;
        this.activities = activities;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.surveys.cron:0 */15 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "evaluation-invitations")
    public void scheduled() {
        run();
    }

    /**
     * One pass of the job; returns how many mails were queued. Each evaluation is handled in a transaction of its own
     * under its row lock ({@link JobSteps}): its invitations (or reminders) are recorded together with their mails, or
     * not at all, and one evaluation that fails does not hold up the others.
     */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        int closed = steps.run(JOB, "closing of ended evaluations", () -> evaluations.closeEnded(today)).orElse(0);
        Instant now = clock.instant();
        int mails = 0;
        for (Evaluation draft : evaluations.withStatus(EvaluationStatus.DRAFT)) {
            ActivityInfo activity = activities.activity(draft.activityId()).orElse(null);
            if (activity == null || activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.DRAFT) {
                continue;
            }
            Instant due = invitations.sendDue(activity.lastSessionEnd());
            if (due != null && !now.isBefore(due)) {
                mails += steps.run(JOB, "invitations of evaluation " + draft.id(), () -> {
                    // Under the row lock, so that a secretary's "send now" at the same moment sends once.
                    Evaluation locked = evaluations.lock(draft.id()).orElse(null);
                    return locked != null && locked.status() == EvaluationStatus.DRAFT && invitations.sendable(locked)
                            ? invitations.send(locked) : 0;
                }).orElse(0);
            }
        }
        for (Evaluation open : evaluations.withStatus(EvaluationStatus.OPEN)) {
            mails += steps.run(JOB, "new invitations and reminders of evaluation " + open.id(), () -> {
                Evaluation locked = evaluations.lock(open.id()).orElse(null);
                if (locked == null || locked.status() != EvaluationStatus.OPEN) {
                    return 0;
                }
                return invitations.inviteNew(locked.id(), locked.activityId(), locked.closesOn())
                        + invitations.remindIfDue(locked);
            }).orElse(0);
        }
        if (mails > 0 || closed > 0) {
            log.info("Evaluations: {} mails queued, {} evaluations closed", mails, closed);
        }
        return mails;
    }
}
