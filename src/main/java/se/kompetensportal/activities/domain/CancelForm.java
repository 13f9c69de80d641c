package se.kompetensportal.activities.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an activity is cancelled; passed on to those signed up. */
public record CancelForm(@NotBlank @Size(max = 1000) String reason) {

    public static CancelForm empty() {
        return new CancelForm(null);
    }
}
