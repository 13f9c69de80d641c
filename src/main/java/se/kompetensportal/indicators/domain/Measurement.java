package se.kompetensportal.indicators.domain;

import java.time.LocalDate;

/**
 * An indicator's value over a period, judged against its target.
 *
 * @param year     the calendar year for a per-year indicator, {@code null} for the whole project
 * @param from     first day counted
 * @param to       last day counted (the as-of date, or the period's end)
 * @param actual   the value (a count, a sum or a share in percent); {@code null} when there is no share to show
 * @param part     for a share: how many are in the share (women, agreeing, actors with a plan)
 * @param whole    for a share: of how many
 * @param noteKey  a message key explaining a missing or partial value, such as "too few answers", or {@code null}
 * @param status   met, on track, at risk, or no data
 * @param forecast the value forecast at the period's end (see {@link StatusRule}), or {@code null}
 */
public record Measurement(Integer year, LocalDate from, LocalDate to, Double actual, Long part, Long whole,
        String noteKey, IndicatorStatus status, Double forecast) {

    static Measurement of(Double actual, String noteKey) {
        return new Measurement(null, null, null, actual, null, null, noteKey, null, null);
    }

    static Measurement share(long part, long whole, String noteKeyWhenEmpty) {
        return new Measurement(null, null, null, whole == 0 ? null : 100.0 * part / whole, part, whole,
                whole == 0 ? noteKeyWhenEmpty : null, null, null);
    }

    Measurement judged(Integer year, LocalDate from, LocalDate to, StatusRule.Judgement j) {
        return new Measurement(year, from, to, actual, part, whole, noteKey, j.status(), j.forecast());
    }
}
