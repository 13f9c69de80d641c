package se.kompetensportal.activities.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A trainer to add to an activity; with an e-mail address, the trainer is linked to the user account of that address
 * (created if needed, with the trainer role) and records the activity's attendance.
 */
public record TrainerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String organisation,
        @NotNull Boolean external,
        @NotNull TrainerGender gender,
        @Email @Size(max = 320) String accountEmail) {

    public static TrainerForm empty() {
        return new TrainerForm(null, null, null, null, null);
    }
}
