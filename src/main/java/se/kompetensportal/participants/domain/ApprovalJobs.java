package se.kompetensportal.participants.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * Releases seats held for a manager's approval that nobody gave in time, every minute, under a database lock; each
 * approval in a transaction of its own ({@link JobSteps}) on {@link ApprovalService}.
 */
@Component
class ApprovalJobs {

    private static final Logger log = LoggerFactory.getLogger(ApprovalJobs.class);

    private final ApprovalService approvals;
    private final JobSteps steps;

    ApprovalJobs(ApprovalService approvals, JobSteps steps) {
        this.approvals = approvals;
        this.steps = steps;
    }

    @Scheduled(cron = "${kp.participants.approvals-cron:40 * * * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "manager-approvals")
    public void scheduledExpiry() {
        int expired = 0;
        for (Long id : approvals.due()) {
            expired += steps.run("manager-approvals", "approval " + id, () -> approvals.expire(id) ? 1 : 0).orElse(0);
        }
        if (expired > 0) {
            log.info("Manager approvals: {} ran out and their seats were released", expired);
        }
    }
}
