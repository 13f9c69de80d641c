package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The status rule: linear forecast for sums, the share as it stands (with a margin) for shares. */
class StatusRuleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31); // 365 days
    static final LocalDate MID = LocalDate.of(2026, 7, 2); // day 183

    static StatusRule.Judgement sum(double actual, String target, LocalDate asOf) {
        return StatusRule.judge(Comparison.AT_LEAST, new BigDecimal(target), null, actual, START, END, asOf);
    }

    static StatusRule.Judgement share(Comparison c, Double actual, String low, String high, LocalDate asOf) {
        return StatusRule.judge(c, new BigDecimal(low), high == null ? null : new BigDecimal(high), actual, START, END,
                asOf);
    }

    @Test
    void aSumThatReachedItsTargetIsMet() {
        assertThat(sum(10, "10", MID).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(sum(11, "10", START).status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void aSumIsForecastLinearlyToThePeriodsEnd() {
        StatusRule.Judgement j = sum(51, "100", MID);
        assertThat(j.forecast()).isCloseTo(51.0 * 365 / 183, within(1e-9)); // 101.7
        assertThat(j.status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(sum(50, "100", MID).status()).isEqualTo(IndicatorStatus.AT_RISK); // forecast 99.7
        assertThat(sum(0, "1", MID).status()).isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void aSumMissedWhenThePeriodIsOverIsAtRisk() {
        assertThat(sum(99, "100", END).status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(sum(99, "100", END.plusYears(1)).status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(sum(99, "100", END.plusYears(1)).forecast()).isEqualTo(99.0);
    }

    @Test
    void beforeThePeriodStartsASumIsOnTrack() {
        StatusRule.Judgement j = sum(0, "10", START.minusDays(1));
        assertThat(j.status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(j.forecast()).isNull();
    }

    @Test
    void aShareWithinItsTargetIsMet() {
        assertThat(share(Comparison.SHARE_BETWEEN, 40.0, "40", "60", MID).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(share(Comparison.SHARE_BETWEEN, 60.0, "40", "60", MID).status()).isEqualTo(IndicatorStatus.MET);
        assertThat(share(Comparison.SHARE_AT_LEAST, 75.0, "60", null, MID).status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void aShareCloseToItsTargetIsOnTrackWhileTimeIsLeft() {
        assertThat(share(Comparison.SHARE_AT_LEAST, 55.0, "60", null, MID).status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(share(Comparison.SHARE_BETWEEN, 65.0, "40", "60", MID).status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(share(Comparison.SHARE_BETWEEN, 65.1, "40", "60", MID).status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(share(Comparison.SHARE_AT_LEAST, 54.9, "60", null, MID).status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(share(Comparison.SHARE_AT_LEAST, 55.0, "60", null, END).status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(share(Comparison.SHARE_AT_LEAST, 55.0, "60", null, MID).forecast()).isEqualTo(55.0);
    }

    @Test
    void aShareWithNothingToTakeItOfHasNoData() {
        assertThat(share(Comparison.SHARE_AT_LEAST, null, "60", null, MID).status()).isEqualTo(IndicatorStatus.NO_DATA);
    }
}
