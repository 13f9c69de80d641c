package se.kompetensportal.timereporting.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;

/**
 * Whole hours per actor (the participants' employer) in a project and period, confirmed and not, valued at the unit
 * cost of each month's year. People whose employer is not a registered organisation are one row without an id.
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
    private final ParticipantEmployers employers;
    private final ProjectsApi projects;

    ActorTime(LedgerFigures figures, ParticipantEmployers employers, ProjectsApi projects) {
        this.figures = figures;
        this.employers = employers;
        this.projects = projects;
    }

    public List<ActorRow> perActor(long projectId, YearMonth from, YearMonth to) {
        List<LedgerFigures.PersonYear> years = figures.personYears(projectId, from, to);
        Map<Long, Long> employerOf = employers.employersOf(years.stream().map(LedgerFigures.PersonYear::personId)
                .distinct().toList());
        Map<Integer, BigDecimal> costs = projects.unitCosts(projectId);
        Map<Long, OrganisationInfo> organisations = new HashMap<>();
        projects.organisations().forEach(o -> organisations.put(o.id(), o));
        Map<Long, Acc> acc = new HashMap<>();
        for (LedgerFigures.PersonYear y : years) {
            Long org = employerOf.get(y.personId());
            Acc a = acc.computeIfAbsent(org == null ? -1L : org, k -> new Acc());
            a.people.add(y.personId());
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
                    o == null ? null : o.orgNumber(), a.people.size(), a.confirmed, a.unconfirmed, a.value,
                    a.unconfirmedValue, a.missingCost));
        });
        rows.sort(Comparator.comparing((ActorRow r) -> r.organisationId() == null)
                .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private static final class Acc {
        final Set<Long> people = new HashSet<>();
        long confirmed;
        long unconfirmed;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal unconfirmedValue = BigDecimal.ZERO;
        boolean missingCost;
    }
}
