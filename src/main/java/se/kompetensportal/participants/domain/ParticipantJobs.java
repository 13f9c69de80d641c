package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * Scheduled work, each job under a database lock so that two instances never run it at once: reminders a configurable
 * number of days before an activity starts (once per sign-up), and erasure of contact data when every project a person
 * took part in has passed its retention date. Each unit of work is a transaction of its own ({@link JobSteps}).
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

    @Scheduled(cron = "${kp.participants.retention-cron:0 30 3 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "participant-retention")
    public void scheduledRetention() {
        eraseExpired();
    }

    /** Erases people all of whose sign-ups belong to projects past their keep-until date, each in its own transaction. */
    public int eraseExpired() {
        LocalDate today = LocalDate.now(clock);
        List<Long> expired = projects.projects().stream()
                .filter(p -> p.keepUntil() != null && p.keepUntil().isBefore(today)).map(ProjectInfo::id).toList();
        if (expired.isEmpty()) {
            return 0;
        }
        String in = String.join(",", expired.stream().map(String::valueOf).toList());
        List<Long> ids = jdbc.queryForList("""
                select p.id from person p where p.erased_at is null and p.merged_into is null
                  and exists (select 1 from sign_up s where s.person_id = p.id)
                  and not exists (select 1 from sign_up s where s.person_id = p.id and s.project_id not in (%s))"""
                .formatted(in), Long.class);
        int erased = 0;
        for (Long id : ids) {
            erased += steps.run("participant-retention", "erasure of person " + id, () -> people.findById(id)
                    .filter(Person::isActive).map(p -> {
                        register.eraseUnchecked(p);
                        return 1;
                    }).orElse(0)).orElse(0);
        }
        if (erased > 0) {
            log.info("Retention: erased contact data of {} people whose projects passed their keep-until date", erased);
        }
        return erased;
    }
}
