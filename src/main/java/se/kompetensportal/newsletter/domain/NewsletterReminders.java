package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;

/**
 * Reminds a project's secretaries when {@code kp.newsletter.interval} (six weeks) has passed since its last issue was
 * sent and no new issue is under way. Each secretary gets one reminder per last issue (the outbox's dedup key), however
 * often the job runs.
 */
@Service
public class NewsletterReminders {

    private final IssueRepository issues;
    private final AccountsApi accounts;
    private final ProjectsApi projects;
    private final NewsletterMails mails;
    private final NewsletterProperties properties;
    private final Formats formats;
    private final Clock clock;

    NewsletterReminders(IssueRepository issues, AccountsApi accounts, ProjectsApi projects, NewsletterMails mails,
            NewsletterProperties properties, Formats formats, Clock clock) {
        this.issues = issues;
        this.accounts = accounts;
        this.projects = projects;
        this.mails = mails;
        this.properties = properties;
        this.formats = formats;
        this.clock = clock;
    }

    /** Queues the reminders that are due; returns how many. */
    @Transactional
    public int remind() {
        Instant dueBefore = clock.instant().minus(properties.interval());
        int sent = 0;
        for (Object[] row : issues.lastSentPerProject()) {
            long projectId = ((Number) row[0]).longValue();
            Instant lastSent = (Instant) row[1];
            long lastIssueId = ((Number) row[2]).longValue();
            if (lastSent.isAfter(dueBefore) || issues.existsByProjectIdAndStatus(projectId, IssueStatus.DRAFT)
                    || issues.existsByProjectIdAndStatus(projectId, IssueStatus.SENDING)) {
                continue;
            }
            String projectName = projects.project(projectId).map(p -> p.name()).orElse("");
            for (UserSummary secretary : accounts.usersWithRole(Role.SECRETARY, projectId)) {
                if (secretary.enabled() && mails.reminder(secretary.email(), Locale.of("sv"), projectName, projectId,
                        lastIssueId, formats.date(lastSent))) {
                    sent++;
                }
            }
        }
        return sent;
    }
}
