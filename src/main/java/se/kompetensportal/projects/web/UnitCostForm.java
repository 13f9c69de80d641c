package se.kompetensportal.projects.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The funder's unit cost per hour for one year. */
record UnitCostForm(@NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal hourlyRate) {
}
