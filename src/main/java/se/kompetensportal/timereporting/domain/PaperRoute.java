package se.kompetensportal.timereporting.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.timereporting.ConfirmationMethod;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;

import static se.kompetensportal.timereporting.domain.ProjectTimeService.current;
import static se.kompetensportal.timereporting.domain.ProjectTimeService.monthOf;

/**
 * The paper route for people mails do not reach: the secretary chooses it for a month, prints the sheet for the
 * participant to sign, and ticks it as received (the month is confirmed on paper). Acts as the user the controller
 * passes: only administrators and the project's secretaries; a month of another project answers 404.
 */
@Service
public class PaperRoute {

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final TimeViews views;
    private final Confirmations confirmations;
    private final ProjectsApi projects;
    private final Clock clock;

    PaperRoute(JdbcTemplate jdbc, LedgerStore store, TimeViews views, Confirmations confirmations,
            ProjectsApi projects, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
        this.confirmations = confirmations;
        this.projects = projects;
        this.clock = clock;
    }

    /** The months on the paper route of the project in the month (for printing all their sheets at once). */
    @Transactional(readOnly = true)
    public List<MonthView> paperSheets(long projectId, YearMonth month, PortalUser user) {
        managed(projectId, user);
        return views.views(store.months(projectId, month, month).stream()
                .filter(m -> m.paper() && m.hasHours()).toList(), false);
    }

    @Transactional(readOnly = true)
    public MonthView paperSheet(long projectId, long monthId, PortalUser user) {
        managed(projectId, user);
        return views.view(monthOf(projectId, store.month(monthId).orElse(null), monthId), false);
    }

    /**
     * The month takes the paper route: no mails; the secretary prints the sheet for the participant to sign. Marks
     * the month as sent on paper (unless it is confirmed).
     */
    @Transactional
    public void sendOnPaper(long projectId, long monthId, long version, PortalUser user) {
        managed(projectId, user);
        LedgerMonth month = current(monthOf(projectId, store.lock(monthId).orElse(null), monthId), version);
        if (month.status() == MonthStatus.CONFIRMED) {
            throw new BusinessRuleException("time.paper.confirmed");
        }
        MonthStatus status = month.status() == MonthStatus.CORRECTED ? MonthStatus.CORRECTED : MonthStatus.SENT;
        jdbc.update("""
                update time_month set paper = true, status = ?, sent_at = ?, answered_at = null, method = null,
                    answered_by = null, reminders_sent = 0, reminded_at = null, version = version + 1, updated_at = now()
                where id = ?""", status.name(), Timestamp.from(clock.instant()), monthId);
        store.addEvent(monthId, LedgerEventKind.PAPER, user.id(), ConfirmationMethod.PAPER, null, null,
                null);
    }

    /** The signed paper sheet came back: the month is confirmed on paper, recorded by the secretary. */
    @Transactional
    public Confirmations.Outcome paperReceived(long projectId, long monthId, long version, PortalUser user) {
        managed(projectId, user);
        LedgerMonth month = monthOf(projectId, store.lock(monthId).orElse(null), monthId);
        if (month.status() == MonthStatus.CONFIRMED) {
            return Confirmations.Outcome.ALREADY_CONFIRMED;
        }
        current(month, version);
        if (month.status() == MonthStatus.OPEN) {
            throw new BusinessRuleException("time.paper.notSent");
        }
        confirmations.answer(month, MonthStatus.CONFIRMED, ConfirmationMethod.PAPER, user.id(), null);
        return Confirmations.Outcome.CONFIRMED;
    }

    private void managed(long projectId, PortalUser user) {
        ProjectAccess.requireManage(projects, projectId, user);
    }
}
