package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The decision on an application: granted with an amount, or rejected with a reason. */
public record DecisionForm(
        @NotNull Outcome outcome,
        @DecimalMin("1") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Size(max = 3000) String reason,
        Long version) {
}
