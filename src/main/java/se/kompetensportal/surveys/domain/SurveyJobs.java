package se.kompetensportal.surveys.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule of the survey job, under a database lock so two instances never run it at once. The work itself is
 * {@link SurveyJobRunner#run()}, called on the other bean so that its transaction is opened by Spring's proxy (a
 * {@code @Transactional} method called on {@code this} would run without one).
 */
@Component
public class SurveyJobs {

    private final SurveyJobRunner runner;

    SurveyJobs(SurveyJobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(cron = "${kp.surveys.jobs-cron:0 5/15 * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "survey-jobs", lockAtMostFor = "PT30M")
    public void scheduled() {
        runner.run();
    }
}
