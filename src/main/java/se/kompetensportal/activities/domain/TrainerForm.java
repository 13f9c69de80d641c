package se.kompetensportal.activities.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A trainer to add to an activity. */
public record TrainerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String organisation,
        @NotNull Boolean external,
        @NotNull TrainerGender gender) {

    public static TrainerForm empty() {
        return new TrainerForm(null, null, null, null);
    }
}
