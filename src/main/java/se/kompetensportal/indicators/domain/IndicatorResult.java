package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.util.List;

import se.kompetensportal.activities.ActivityKind;

/**
 * One indicator's card on the dashboard: the definition, the current measurement (the whole project, or the year of the
 * as-of date) and, for a per-year indicator, every year so far.
 */
public record IndicatorResult(long id, String name, String subGoal, String description, IndicatorKind kind,
        Comparison comparison, BigDecimal target, BigDecimal targetMax, IndicatorPeriod period,
        ActivityKind activityKind, String statementKey, String gender, Measurement current, List<Measurement> years) {

    /** How the values are shown: a percentage for shares, otherwise the kind's unit. */
    public IndicatorKind.Unit unit() {
        return comparison == Comparison.AT_LEAST ? kind.unit() : IndicatorKind.Unit.PERCENT;
    }

    public IndicatorStatus status() {
        return current.status();
    }
}
