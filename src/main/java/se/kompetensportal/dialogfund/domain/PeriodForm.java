package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import se.kompetensportal.shared.validation.Period;
import se.kompetensportal.shared.validation.ValidPeriod;

/** An application period of a fund. */
@ValidPeriod(endField = "closesOn")
public record PeriodForm(@NotNull LocalDate opensOn, @NotNull LocalDate closesOn) implements Period {

    public static PeriodForm empty() {
        return new PeriodForm(null, null);
    }

    @Override
    public LocalDate periodStart() {
        return opensOn;
    }

    @Override
    public LocalDate periodEnd() {
        return closesOn;
    }
}
