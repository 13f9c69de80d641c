package se.kompetensportal.timereporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.timereporting.domain.ActorTime;
import se.kompetensportal.timereporting.domain.TimeSummary;
import se.kompetensportal.timereporting.domain.Pledges;

/**
 * Co-financing through participation, per actor (the participants' employer): the pledged hours or amount against the
 * confirmed whole hours × the unit cost of their year, with unconfirmed hours beside, and a forecast to the project's
 * end (the confirmed figures so far spread evenly over the project's days). Read from the ledger's summary
 * ({@link TimeSummary}: its size does not grow with the people); only confirmed hours count. Unscoped: callers check who may see which project or organisation.
 */
@Service
@Transactional(readOnly = true)
public class CoFinancing {

    /**
     * @param forecastValue the confirmed value extrapolated to the project's end, or {@code null} before it started
     * @param percent       the confirmed value (or hours, when only hours were pledged) as a share of the pledge, or
     *                      {@code null} without a pledge
     */
    public record ActorCoFinancing(Long organisationId, String name, Integer pledgedHours, BigDecimal pledgedAmount,
            long confirmedHours, long unconfirmedHours, BigDecimal confirmedValue, BigDecimal unconfirmedValue,
            Long forecastHours, BigDecimal forecastValue, Integer percent, boolean missingUnitCost) {
    }

    /** Whole hours of one year of a project: confirmed and not (yet) confirmed. */
    public record YearHours(int year, long confirmed, long unconfirmed) {
    }

    private final ActorTime actorTime;
    private final Pledges pledges;
    private final TimeSummary figures;
    private final ProjectsApi projects;

    CoFinancing(ActorTime actorTime, Pledges pledges, TimeSummary figures, ProjectsApi projects) {
        this.actorTime = actorTime;
        this.pledges = pledges;
        this.figures = figures;
        this.projects = projects;
    }

    /** Per actor with a pledge or hours (and one row for employers that are no actors), as of the date. */
    public List<ActorCoFinancing> perActor(long projectId, LocalDate asOf) {
        ProjectInfo project = projects.project(projectId).orElseThrow();
        Map<Long, ActorTime.ActorRow> time = new HashMap<>();
        ActorTime.ActorRow others = null;
        for (ActorTime.ActorRow r : actorTime.perActorToDate(projectId, YearMonth.from(asOf))) {
            if (r.organisationId() == null) {
                others = r;
            } else {
                time.put(r.organisationId(), r);
            }
        }
        double factor = factor(project, asOf);
        List<ActorCoFinancing> rows = new ArrayList<>();
        for (Pledges.Pledge p : pledges.of(projectId)) {
            ActorTime.ActorRow t = time.remove(p.organisationId());
            if (t == null && p.hours() == null && p.amount() == null) {
                continue;
            }
            rows.add(row(p.organisationId(), p.name(), p.hours(), p.amount(), t, factor));
        }
        time.values().forEach(t -> rows.add(row(t.organisationId(), t.name(), null, null, t, factor)));
        if (others != null) {
            rows.add(row(null, null, null, null, others, factor));
        }
        return rows;
    }

    public Optional<ActorCoFinancing> ofActor(long projectId, long organisationId, LocalDate asOf) {
        return perActor(projectId, asOf).stream().filter(r -> Long.valueOf(organisationId).equals(r.organisationId()))
                .findFirst();
    }

    /** The project's whole hours per year of the months in [from, to], confirmed and not. */
    public Map<Integer, YearHours> hoursByYear(long projectId, LocalDate from, LocalDate to) {
        Map<Integer, YearHours> years = new HashMap<>();
        figures.hoursByYear(projectId, from, to).forEach((y, h) -> years.put(y, new YearHours(y, h[0], h[1])));
        return years;
    }

    private static ActorCoFinancing row(Long id, String name, Integer hours, BigDecimal amount, ActorTime.ActorRow t,
            double factor) {
        long confirmed = t == null ? 0 : t.confirmedHours();
        BigDecimal value = t == null ? BigDecimal.ZERO : t.value();
        Long forecastHours = factor <= 0 ? null : Math.round(confirmed * factor);
        BigDecimal forecastValue = factor <= 0 ? null
                : value.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP);
        Integer percent = null;
        if (amount != null && amount.signum() > 0) {
            percent = value.multiply(BigDecimal.valueOf(100)).divide(amount, 0, RoundingMode.DOWN).intValue();
        } else if (hours != null && hours > 0) {
            percent = (int) (100 * confirmed / hours);
        }
        return new ActorCoFinancing(id, name, hours, amount, confirmed, t == null ? 0 : t.unconfirmedHours(), value,
                t == null ? BigDecimal.ZERO : t.unconfirmedValue(), forecastHours, forecastValue, percent,
                t != null && t.missingCost());
    }

    /** The project's days over the days gone by the date (1 once it has ended; 0 before it started). */
    private static double factor(ProjectInfo project, LocalDate asOf) {
        long total = ChronoUnit.DAYS.between(project.startDate(), project.endDate()) + 1;
        LocalDate until = asOf.isAfter(project.endDate()) ? project.endDate() : asOf;
        long gone = ChronoUnit.DAYS.between(project.startDate(), until) + 1;
        return gone <= 0 ? 0 : Math.max(1.0, (double) total / gone);
    }
}
