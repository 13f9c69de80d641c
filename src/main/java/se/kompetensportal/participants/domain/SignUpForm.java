package se.kompetensportal.participants.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kompetensportal.participants.Gender;

/**
 * What a participant fills in to sign up: who they are (filled in from their profile after the first time) and what
 * this sign-up needs, with the answers to the activity's questions (question id to answer, see
 * {@link SignUpQuestions}). The personal identity number is asked only when the project reports to the funder with it.
 */
public record SignUpForm(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$") String phone,
        Long employerOrganisationId,
        @Size(max = 200) String employerName,
        @Size(max = 200) String jobTitle,
        @NotNull Gender gender,
        @Size(max = 20) String personalId,
        Long targetGroupId,
        @Size(max = 1000) String specialNeeds,
        Map<Long, String> answers,
        @Email @Size(max = 320) String managerEmail) {

    public SignUpForm {
        answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
    }

    public static SignUpForm of(Person p) {
        if (p == null) {
            return new SignUpForm(null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new SignUpForm(p.getFirstName(), p.getLastName(), p.getPhone(), p.getEmployerOrganisationId(),
                p.getEmployerName(), p.getJobTitle(), p.getGender(), null, null, null, null, null);
    }

    ProfileForm profile() {
        return new ProfileForm(firstName, lastName, phone, employerOrganisationId, employerName, jobTitle, gender,
                personalId, null);
    }
}
