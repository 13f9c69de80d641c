package se.kompetensportal.timereporting.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An actor's pledge: hours, an amount in SEK, or both (both empty removes it); the version the secretary saw. */
record PledgeForm(@Min(0) @Max(10_000_000) Integer hours,
        @DecimalMin("0") @DecimalMax("999999999999") BigDecimal amount, @NotNull Long version) {
}
