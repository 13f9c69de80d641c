package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * Scheduled work, each job under a database lock so that two instances never run it at once: reminders a configurable
 * number of days before an activity starts (once per sign-up). Each unit of work is a transaction of its own
 * ({@link JobSteps}). Erasure once a project's retention date has passed is {@link PersonRetention}, run by the one
 * nightly retention job.
 */
@Component
public class ParticipantJobs {

    private static final Logger log = LoggerFactory.getLogger(ParticipantJobs.class);

    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final SignUpRepository signUps;
    private final PersonRepository people;
    private final ParticipantMails mails;
    private final PersonRegisterService register;
    private final JdbcTemplate jdbc;
    private final JobSteps steps;
    private final Clock clock;
    private final int reminderDays;

    ParticipantJobs(ActivitiesApi activities, ProjectsApi projects, SignUpRepository signUps, PersonRepository people,
            ParticipantMails mails, PersonRegisterService register, JdbcTemplate jdbc, JobSteps steps, Clock clock,
            @Value("${kp.participants.reminder-days:2}") int reminderDays) {
        this.steps = steps;
        this.activities = activities;
        this.projects = projects;
        this.signUps = signUps;
        this.people = people;
        this.mails = mails;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reminderDays = reminderDays;
    }

    @Scheduled(cron = "${kp.participants.reminder-cron:0 0 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "participant-reminders")
    public void scheduledReminders() {
        int sent = sendReminders();
        if (sent > 0) {
            log.info("Reminders: {} mails queued", sent);
        }
    }

    /**
     * Reminds everyone holding a seat on an activity whose first session starts within the reminder period, once per
     * sign-up: each reminder is queued in a transaction of its own, and the outbox's dedup key is what records the
     * sign-up as reminded, so a sign-up counts as reminded exactly when its mail is in the outbox.
     */
    public int sendReminders() {
        Instant now = clock.instant();
        List<ActivityInfo> starting = activities.startingBetween(now, now.plus(Duration.ofDays(reminderDays)));
        int sent = 0;
        for (ActivityInfo activity : starting) {
            List<Long> seated = signUps.findByActivityIdAndStatusNot(activity.id(), SignUpStatus.CANCELLED).stream()
                    .filter(s -> s.getStatus() == SignUpStatus.CONFIRMED).map(SignUp::getId).toList();
            for (Long signUpId : seated) {
                sent += steps.run("participant-reminders", "reminder for sign-up " + signUpId, () -> {
                    SignUp signUp = signUps.findById(signUpId).orElse(null);
                    return signUp != null && signUp.getStatus() == SignUpStatus.CONFIRMED
                            && mails.reminder(signUp, activity) ? 1 : 0;
                }).orElse(0);
            }
        }
        return sent;
    }
}
