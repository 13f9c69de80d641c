package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Judges an indicator's actual value against its target, as of a date, within the period the target applies to (the
 * whole project, or one year of it).
 *
 * <p><b>Sums</b> ({@link Comparison#AT_LEAST}: participants, activities held, hours …) grow over the period, so they are
 * forecast linearly to the period's end: {@code forecast = actual × (days in period) / (days elapsed)}, days counted
 * inclusively from the period's start to the as-of date.
 * <ul>
 * <li>MET when the actual value already reaches the target;</li>
 * <li>otherwise, when the period is over (as-of date on or after its last day): AT_RISK (it was missed);</li>
 * <li>before the period has started: ON_TRACK (nothing can be judged yet);</li>
 * <li>otherwise ON_TRACK when the forecast reaches the target, AT_RISK when it does not.</li>
 * </ul>
 *
 * <p><b>Shares</b> ({@link Comparison#SHARE_AT_LEAST}, {@link Comparison#SHARE_BETWEEN}) do not grow with time: the
 * linear forecast of a share is the share itself. So:
 * <ul>
 * <li>NO_DATA when there is no share (nobody to take it of, or too few answers to show);</li>
 * <li>MET when the share is within the target;</li>
 * <li>otherwise AT_RISK when the period is over;</li>
 * <li>otherwise ON_TRACK when it is at most {@value #SHARE_MARGIN} percentage points outside the target (there is time
 * left to close a small gap), AT_RISK when further away.</li>
 * </ul>
 */
public final class StatusRule {

    /** How far outside its target a share may be, in percentage points, and still be on track while time is left. */
    public static final double SHARE_MARGIN = 5.0;

    public record Judgement(IndicatorStatus status, Double forecast) {
    }

    private StatusRule() {
    }

    public static Judgement judge(Comparison comparison, BigDecimal target, BigDecimal targetMax, Double actual,
            LocalDate periodStart, LocalDate periodEnd, LocalDate asOf) {
        boolean over = !asOf.isBefore(periodEnd);
        if (comparison == Comparison.AT_LEAST) {
            double value = actual == null ? 0 : actual;
            double goal = target.doubleValue();
            if (asOf.isBefore(periodStart)) {
                return new Judgement(value >= goal ? IndicatorStatus.MET : IndicatorStatus.ON_TRACK, null);
            }
            long total = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
            long elapsed = Math.min(total, ChronoUnit.DAYS.between(periodStart, asOf) + 1);
            double forecast = value * total / elapsed;
            if (value >= goal) {
                return new Judgement(IndicatorStatus.MET, forecast);
            }
            if (over) {
                return new Judgement(IndicatorStatus.AT_RISK, forecast);
            }
            return new Judgement(forecast >= goal ? IndicatorStatus.ON_TRACK : IndicatorStatus.AT_RISK, forecast);
        }
        if (actual == null) {
            return new Judgement(IndicatorStatus.NO_DATA, null);
        }
        double low = target.doubleValue();
        double high = comparison == Comparison.SHARE_BETWEEN && targetMax != null ? targetMax.doubleValue() : 100.0;
        double gap = actual < low ? low - actual : actual > high ? actual - high : 0;
        if (gap == 0) {
            return new Judgement(IndicatorStatus.MET, actual);
        }
        if (over || gap > SHARE_MARGIN) {
            return new Judgement(IndicatorStatus.AT_RISK, actual);
        }
        return new Judgement(IndicatorStatus.ON_TRACK, actual);
    }
}
