package se.kompetensportal.activities.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A copy of an activity, to repeat it on new dates: every session, and the registration times, move by the number of
 * days between the original's first date and {@code firstDate}.
 */
public record CopyForm(@NotBlank @Size(max = 200) String title, @NotNull LocalDate firstDate) {
}
