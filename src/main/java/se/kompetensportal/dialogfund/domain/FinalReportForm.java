package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kompetensportal.shared.validation.Period;
import se.kompetensportal.shared.validation.ValidPeriod;

/** The applicant's final report on a granted activity. */
@ValidPeriod(endField = "heldUntil")
public record FinalReportForm(
        @NotBlank @Size(max = 5000) String summary,
        @NotNull LocalDate heldOn,
        LocalDate heldUntil,
        @NotNull @PositiveOrZero @Max(100_000) Integer participantsWomen,
        @NotNull @PositiveOrZero @Max(100_000) Integer participantsMen,
        @NotNull @PositiveOrZero @Max(100_000) Integer participantsNewcomers,
        @NotNull @PositiveOrZero @Max(100_000) Integer participantsLongTimeResidents,
        @NotNull @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal actualCosts,
        @Size(max = 2000) String costComment,
        Long version) implements Period {

    public static FinalReportForm empty() {
        return new FinalReportForm(null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public LocalDate periodStart() {
        return heldOn;
    }

    @Override
    public LocalDate periodEnd() {
        return heldUntil;
    }
}
