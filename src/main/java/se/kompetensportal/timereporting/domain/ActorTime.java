package se.kompetensportal.timereporting.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;

/**
 * Whole hours per actor (the participants' employer) in a project and period, confirmed and not, valued at the unit
 * cost of each month's year. People whose employer is not a registered organisation are one row without an id.
 *
 * <p>The actor of a month is the employer recorded in the ledger month when it was written ({@code
 * time_month.employer_organisation_id}, see {@link Ledger}): the employer at the time the month was recorded is the
 * actor whose co-financing that time is. So one query over the ledger gives every actor's figures, and a person who
 * changed employer counts with each for their own months. People are counted once per actor over the whole period.
 */
@Component
public class ActorTime {

    /**
     * @param organisationId {@code null}: employers that are not registered organisations
     * @param value          confirmed hours × the unit cost of their year
     * @param missingCost    hours fell in a year without a unit cost (valued at zero)
     */
    public record ActorRow(Long organisationId, String name, String orgNumber, int people, long confirmedHours,
            long unconfirmedHours, BigDecimal value, BigDecimal unconfirmedValue, boolean missingCost) {
    }

    private final LedgerFigures figures;
    private final TimeSummary summary;
    private final ProjectsApi projects;

    ActorTime(LedgerFigures figures, TimeSummary summary, ProjectsApi projects) {
        this.figures = figures;
        this.summary = summary;
        this.projects = projects;
    }

    /** Months in [from, to], counted over the ledger's rows (the claim pack's range). */
    public List<ActorRow> perActor(long projectId, YearMonth from, YearMonth to) {
        return rows(projectId, figures.employerYears(projectId, from, to));
    }

    /** Every month up to {@code to}, read from the ledger's summary (the dashboard): the same rows as from the start. */
    public List<ActorRow> perActorToDate(long projectId, YearMonth to) {
        return rows(projectId, summary.employerYearsToDate(projectId, to));
    }

    private List<ActorRow> rows(long projectId, List<LedgerFigures.EmployerYear> employerYears) {
        Map<Integer, BigDecimal> costs = projects.unitCosts(projectId);
        Map<Long, OrganisationInfo> organisations = new HashMap<>();
        projects.organisations().forEach(o -> organisations.put(o.id(), o));
        Map<Long, Acc> acc = new HashMap<>();
        for (LedgerFigures.EmployerYear y : employerYears) {
            Long org = y.employerId();
            Acc a = acc.computeIfAbsent(org == null ? -1L : org, k -> new Acc());
            if (y.year() == null) {
                a.people += y.people();
                continue;
            }
            a.confirmed += y.confirmed();
            a.unconfirmed += y.unconfirmed();
            BigDecimal cost = costs.get(y.year());
            if (cost == null) {
                a.missingCost |= y.confirmed() + y.unconfirmed() > 0;
            } else {
                a.value = a.value.add(cost.multiply(BigDecimal.valueOf(y.confirmed())));
                a.unconfirmedValue = a.unconfirmedValue.add(cost.multiply(BigDecimal.valueOf(y.unconfirmed())));
            }
        }
        List<ActorRow> rows = new ArrayList<>();
        acc.forEach((org, a) -> {
            OrganisationInfo o = org < 0 ? null : organisations.get(org);
            rows.add(new ActorRow(o == null ? null : o.id(), o == null ? null : o.name(),
                    o == null ? null : o.orgNumber(), a.people, a.confirmed, a.unconfirmed, a.value,
                    a.unconfirmedValue, a.missingCost));
        });
        rows.sort(Comparator.comparing((ActorRow r) -> r.organisationId() == null)
                .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private static final class Acc {
        int people;
        long confirmed;
        long unconfirmed;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal unconfirmedValue = BigDecimal.ZERO;
        boolean missingCost;
    }
}
