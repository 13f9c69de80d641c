package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.kompetensportal.participants.Gender;

/** The secretary signs someone up: an existing person by e-mail, or a new one with these details. */
public record NewPersonForm(
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        Long employerOrganisationId,
        @Size(max = 200) String employerName,
        Gender gender,
        Long targetGroupId,
        @Size(max = 1000) String specialNeeds) {

    public static NewPersonForm empty() {
        return new NewPersonForm(null, null, null, null, null, null, null, null);
    }
}
