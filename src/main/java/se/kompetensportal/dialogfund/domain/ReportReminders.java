package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectInfo;

/**
 * Every morning, reminds applicants whose final report is past due. Each application gets the reminder once (the
 * outbox's dedup key), however often the job runs and on however many instances (ShedLock).
 */
@Component
public class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final FundSummaries summaries;
    private final DialogFundMails mails;
    private final AccountsApi accounts;
    private final Clock clock;

    ReportReminders(ApplicationRepository applications, FundRepository funds, FundSummaries summaries,
            DialogFundMails mails, AccountsApi accounts, Clock clock) {
        this.applications = applications;
        this.funds = funds;
        this.summaries = summaries;
        this.mails = mails;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.dialogfund.reminder-cron:0 15 7 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "dialogfund-report-reminders", lockAtMostFor = "PT30M")
    public void scheduledRun() {
        int sent = remindOverdue();
        if (sent > 0) {
            log.info("Reminded {} applicants of overdue final reports", sent);
        }
    }

    /** Queues a reminder for each overdue report not reminded before; returns how many were queued. */
    @Transactional
    public int remindOverdue() {
        List<Application> overdue = applications.withReportOverdueOn(LocalDate.now(clock));
        if (overdue.isEmpty()) {
            return 0;
        }
        Map<Long, Fund> fundsById = funds.findAllById(overdue.stream().map(Application::getFundId).distinct().toList())
                .stream().collect(Collectors.toMap(Fund::getId, Function.identity()));
        Map<Long, ProjectInfo> projects = summaries.projectsOf(fundsById.values().stream().map(Fund::getProjectId)
                .distinct().toList());
        Map<Long, UserSummary> owners = accounts.users(overdue.stream().map(Application::getOwnerId).distinct()
                .toList()).stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        int sent = 0;
        for (Application a : overdue) {
            UserSummary owner = owners.get(a.getOwnerId());
            Fund fund = fundsById.get(a.getFundId());
            if (owner == null || !owner.enabled()) {
                continue;
            }
            ProjectInfo project = projects.get(fund.getProjectId());
            if (mails.reportReminder(a, fund, project == null ? "" : project.name(), owner.email())) {
                sent++;
            }
        }
        return sent;
    }
}
