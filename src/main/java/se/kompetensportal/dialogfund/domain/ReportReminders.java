package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.scheduling.JobSteps;

/**
 * Every morning, reminds applicants whose final report is past due. Each application gets the reminder once (the
 * outbox's dedup key), however often the job runs and on however many instances (ShedLock).
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);
    private static final String JOB = "dialogfund-report-reminders";

    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final FundSummaries summaries;
    private final DialogFundMails mails;
    private final AccountsApi accounts;
    private final JobSteps steps;
    private final Clock clock;

    ReportReminders(ApplicationRepository applications, FundRepository funds, FundSummaries summaries,
            DialogFundMails mails, AccountsApi accounts, JobSteps steps, Clock clock) {
        this.steps = steps;
        this.applications = applications;
        this.funds = funds;
        this.summaries = summaries;
        this.mails = mails;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.dialogfund.reminder-cron:0 15 7 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "dialogfund-report-reminders")
    public void scheduledRun() {
        int sent = remindOverdue();
        if (sent > 0) {
            log.info("Reminded {} applicants of overdue final reports", sent);
        }
    }

    /**
     * Queues a reminder for each overdue report not reminded before, each in a transaction of its own
     * ({@link JobSteps}); returns how many were queued.
     */
    public int remindOverdue() {
        return steps.run(JOB, "overdue reports", () -> applications.withReportOverdueOn(LocalDate.now(clock)).stream()
                .map(Application::getId).toList()).orElse(List.of()).stream()
                .mapToInt(id -> steps.run(JOB, "reminder for application " + id, () -> remind(id)).orElse(0))
                .sum();
    }

    private int remind(long applicationId) {
        Application a = applications.findById(applicationId).orElse(null);
        if (a == null) {
            return 0;
        }
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        UserSummary owner = accounts.users(List.of(a.getOwnerId())).stream().findFirst().orElse(null);
        if (owner == null || !owner.enabled()) {
            return 0;
        }
        ProjectInfo project = summaries.projectsOf(List.of(fund.getProjectId())).get(fund.getProjectId());
        return mails.reportReminder(a, fund, project == null ? "" : project.name(), owner.email()) ? 1 : 0;
    }
}
