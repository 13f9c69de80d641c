package se.kompetensportal.privacy.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionRule;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * The one nightly retention job: runs every module's {@link RetentionRule}, each batch in a transaction of its own
 * ({@link JobSteps}), until the rule finds nothing due; under a database lock so that two instances never run it at
 * once. What a run erased is not found again, so a second run does nothing.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int MAX_BATCHES = 10_000;

    private final List<RetentionRule> rules;
    private final ProjectsApi projects;
    private final JobSteps steps;
    private final Clock clock;

    RetentionJob(List<RetentionRule> rules, ProjectsApi projects, JobSteps steps, Clock clock) {
        this.rules = rules;
        this.projects = projects;
        this.steps = steps;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.retention.cron:0 30 3 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "personal-data-retention")
    public void scheduledRetention() {
        Map<String, Integer> erased = run();
        if (!erased.isEmpty()) {
            log.info("Retention: {}", erased);
        }
    }

    /** Runs every rule; returns how many items each rule that found something erased. */
    public Map<String, Integer> run() {
        LocalDate today = LocalDate.now(clock);
        Set<Long> expired = projects.projects().stream()
                .filter(p -> p.keepUntil() != null && p.keepUntil().isBefore(today)).map(ProjectInfo::id)
                .collect(Collectors.toSet());
        RetentionContext context = new RetentionContext(clock.instant(), today, expired);
        Map<String, Integer> erased = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            int total = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int n = steps.run("personal-data-retention", rule.name(), () -> rule.runBatch(context)).orElse(0);
                if (n == 0) {
                    break;
                }
                total += n;
            }
            if (total > 0) {
                erased.put(rule.name(), total);
            }
        }
        return erased;
    }
}
