package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.timereporting.CoFinancing;

import static se.kompetensportal.indicators.domain.IndicatorMemo.memo;

/**
 * The indicators read from the time ledger's summary (through {@link CoFinancing}, so their cost does not grow with
 * the people): participant hours and their value as co-financing. Only confirmed months count; unconfirmed ones are
 * shown beside.
 */
@Component
class LedgerMeasures {

    private final CoFinancing time;
    private final ProjectsApi projects;

    LedgerMeasures(CoFinancing time, ProjectsApi projects) {
        this.time = time;
        this.projects = projects;
    }

    Measurement hours(long projectId, LocalDate from, LocalDate to, Map<Object, Object> memo) {
        Map<Integer, CoFinancing.YearHours> h = hoursByYear(projectId, from, to, memo);
        long unconfirmed = h.values().stream().mapToLong(CoFinancing.YearHours::unconfirmed).sum();
        return new Measurement(null, null, null,
                (double) h.values().stream().mapToLong(CoFinancing.YearHours::confirmed).sum(), null,
                unconfirmed, unconfirmed > 0 ? "indicator.note.unconfirmedHours" : null, null, null);
    }

    Measurement coFinancing(long projectId, LocalDate from, LocalDate to, Map<Object, Object> memo) {
        Map<Integer, BigDecimal> costs = projects.unitCosts(projectId);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal unconfirmed = BigDecimal.ZERO;
        boolean missing = false;
        for (Map.Entry<Integer, CoFinancing.YearHours> e : hoursByYear(projectId, from, to, memo).entrySet()) {
            BigDecimal rate = costs.get(e.getKey());
            if (rate == null) {
                missing = e.getValue().confirmed() + e.getValue().unconfirmed() > 0 || missing;
            } else {
                total = total.add(rate.multiply(BigDecimal.valueOf(e.getValue().confirmed())));
                unconfirmed = unconfirmed.add(rate.multiply(BigDecimal.valueOf(e.getValue().unconfirmed())));
            }
        }
        long open = unconfirmed.longValue();
        return new Measurement(null, null, null, total.doubleValue(), null, open, missing ? "indicator.note.noUnitCost"
                : open > 0 ? "indicator.note.unconfirmedValue" : null, null, null);
    }

    /** Whole hours per year from the time ledger: only confirmed months count, unconfirmed ones are shown beside. */
    private Map<Integer, CoFinancing.YearHours> hoursByYear(long projectId, LocalDate from, LocalDate to,
            Map<Object, Object> memo) {
        return memo(memo, "hours", from, to, () -> time.hoursByYear(projectId, from, to));
    }
}
