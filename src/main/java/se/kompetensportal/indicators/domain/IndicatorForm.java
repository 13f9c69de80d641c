package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kompetensportal.activities.ActivityKind;

/**
 * An indicator definition as the secretary edits it. Rules that depend on several fields (a share compared as a share,
 * the parameter the kind needs, the upper bound of a range) are checked by {@link IndicatorService} and put on the
 * field they concern.
 */
public record IndicatorForm(
        @NotBlank @Size(max = 200) String nameSv,
        @Size(max = 200) String nameEn,
        @Size(max = 100) String subGoal,
        @Size(max = 2000) String description,
        @NotNull IndicatorKind kind,
        @NotNull Comparison comparison,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 12, fraction = 2) BigDecimal target,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal targetMax,
        @NotNull IndicatorPeriod period,
        ActivityKind activityKind,
        @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9_]*", message = "{indicator.statementKey.pattern}") String statementKey,
        @Pattern(regexp = "WOMAN|MAN|") String gender,
        Long trackId,
        long version) {

    /** A form without a track (the kinds other than {@link IndicatorKind#FOLLOW_UP_STATEMENT}). */
    public IndicatorForm(String nameSv, String nameEn, String subGoal, String description, IndicatorKind kind,
            Comparison comparison, BigDecimal target, BigDecimal targetMax, IndicatorPeriod period,
            ActivityKind activityKind, String statementKey, String gender, long version) {
        this(nameSv, nameEn, subGoal, description, kind, comparison, target, targetMax, period, activityKind,
                statementKey, gender, null, version);
    }

    public static IndicatorForm empty() {
        return new IndicatorForm("", "", "", "", IndicatorKind.UNIQUE_PARTICIPANTS, Comparison.AT_LEAST, null, null,
                IndicatorPeriod.WHOLE_PROJECT, null, "", "", null, 0);
    }

    public static IndicatorForm of(Indicator i) {
        return new IndicatorForm(i.getNameSv(), i.getNameEn(), i.getSubGoal(), i.getDescription(), i.getKind(),
                i.getComparison(), i.getTarget(), i.getTargetMax(), i.getPeriod(), i.getActivityKind(),
                i.getStatementKey(), i.getGender(), i.getTrackId(), i.getVersion());
    }
}
