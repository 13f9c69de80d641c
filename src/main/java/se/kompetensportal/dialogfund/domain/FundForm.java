package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A fund's settings. The project is chosen when the fund is created and cannot be changed. */
public record FundForm(
        @NotNull Long projectId,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal totalAmount,
        @NotNull @DecimalMin("1") @Digits(integer = 9, fraction = 2) BigDecimal maxPerApplication,
        @Size(max = 5000) String description,
        @Size(max = 3000) String municipalities,
        @NotNull @Min(0) @Max(365) Integer reportDueDays,
        @NotNull @Min(0) @Max(1000) Integer targetApplications,
        @NotNull @Min(0) @Max(1000) Integer targetCarriedOut,
        Long version) {
}
