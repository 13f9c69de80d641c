package se.kompetensportal.timereporting.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.scheduling.JobSteps;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.PortalProperties;
import se.kompetensportal.timereporting.CoFinancing;

/**
 * The monthly co-financing summary to each actor's contact persons: early each month, for every project that ran in
 * the month before (or has time in the ledger for it), each actor with hours or a pledge gets its confirmed hours and their value, unconfirmed hours,
 * pledge and forecast. One mail per contact person, project and month (a dedup key, so a second run or instance
 * queues nothing twice), each in a transaction of its own through {@link JobSteps}.
 */
@Component
public class CoFinancingSummaries {

    private static final Logger log = LoggerFactory.getLogger(CoFinancingSummaries.class);

    private final ProjectsApi projects;
    private final CoFinancing coFinancing;
    private final AccountsApi accounts;
    private final Outbox outbox;
    private final PortalProperties portal;
    private final JobSteps steps;
    private final Clock clock;
    private final LedgerStore ledger;

    CoFinancingSummaries(LedgerStore ledger, ProjectsApi projects, CoFinancing coFinancing, AccountsApi accounts, Outbox outbox,
            PortalProperties portal, JobSteps steps, Clock clock) {
        this.ledger = ledger;
        this.projects = projects;
        this.coFinancing = coFinancing;
        this.accounts = accounts;
        this.outbox = outbox;
        this.portal = portal;
        this.steps = steps;
        this.clock = clock;
    }

    @Scheduled(cron = "${kp.timereporting.actor-summary-cron:0 30 7 5 * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "time-actor-summaries", lockAtMostFor = "PT30M")
    public void scheduledSummaries() {
        YearMonth month = YearMonth.now(clock.withZone(Formats.ZONE)).minusMonths(1);
        int queued = 0;
        for (ProjectInfo project : projects.projects()) {
            boolean running = !project.startDate().isAfter(month.atEndOfMonth())
                    && !project.endDate().isBefore(month.atDay(1));
            if (!running && ledger.months(project.id(), month, month).isEmpty()) {
                continue;
            }
            for (CoFinancing.ActorCoFinancing row : coFinancing.perActor(project.id(), month.atEndOfMonth())) {
                if (row.organisationId() == null) {
                    continue;
                }
                for (UserSummary contact : accounts.usersOfOrganisation(Role.ACTOR_CONTACT, row.organisationId())) {
                    queued += steps.run("time-actor-summaries", contact.id(),
                            () -> send(project, month, row, contact) ? 1 : 0).orElse(0);
                }
            }
        }
        if (queued > 0) {
            log.info("Co-financing summaries for {}: {} queued", month, queued);
        }
    }

    private boolean send(ProjectInfo project, YearMonth month, CoFinancing.ActorCoFinancing row, UserSummary contact) {
        Locale locale = Locale.of("sv");
        String monthText = DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        String pledge = row.pledgedHours() == null && row.pledgedAmount() == null ? null
                : (row.pledgedHours() == null ? "" : row.pledgedHours() + " h")
                        + (row.pledgedHours() != null && row.pledgedAmount() != null ? ", " : "")
                        + (row.pledgedAmount() == null ? "" : amount(row.pledgedAmount()) + " kr");
        return outbox.enqueue(OutgoingMail.to(contact.email(), locale)
                .template("timereporting/cofinancing")
                .subject("mail.time.cofinancing.subject", project.shortName(), monthText)
                .variable("name", contact.displayName())
                .variable("organisation", row.name())
                .variable("project", project.name())
                .variable("month", monthText)
                .variable("confirmedHours", row.confirmedHours())
                .variable("unconfirmedHours", row.unconfirmedHours())
                .variable("value", amount(row.confirmedValue()))
                .variable("pledge", pledge)
                .variable("percent", row.percent())
                .variable("forecast", row.forecastValue() == null ? null : amount(row.forecastValue()))
                .variable("link", portal.link("/my-organisation/projects/" + project.id() + "/time"))
                .project(project.id())
                .category("timereporting.cofinancing")
                .dedupKey("time-cofinancing:" + project.id() + ":" + row.organisationId() + ":" + contact.id() + ":"
                        + month)
                .build());
    }

    private static String amount(BigDecimal value) {
        return value.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
