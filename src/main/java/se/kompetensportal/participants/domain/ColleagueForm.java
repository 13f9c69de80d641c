package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The colleague a participant sends in their place: name, e-mail address and employer. */
public record ColleagueForm(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String employerName) {

    public static ColleagueForm empty() {
        return new ColleagueForm(null, null, null, null);
    }
}
