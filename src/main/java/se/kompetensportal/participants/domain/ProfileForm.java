package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kompetensportal.participants.Gender;

/** A person's own data as they (or the secretary) edit it. The e-mail address is the login and is not edited here. */
public record ProfileForm(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$") String phone,
        Long employerOrganisationId,
        @Size(max = 200) String employerName,
        @Size(max = 200) String jobTitle,
        @NotNull Gender gender,
        @Size(max = 20) String personalId,
        Long version) {

    public static ProfileForm of(Person p) {
        return new ProfileForm(p.getFirstName(), p.getLastName(), p.getPhone(), p.getEmployerOrganisationId(),
                p.getEmployerName(), p.getJobTitle(), p.getGender(), null, p.getVersion());
    }
}
