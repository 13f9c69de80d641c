package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * Applies a profile to a person, with the rules only the server can check: an employer (an actor or a name), a valid
 * personal identity number that no other person has, stored encrypted.
 */
@Component
class PersonProfiles {

    private final PersonRepository people;
    private final PersonalDataCipher cipher;
    private final ProjectsApi projects;
    private final Clock clock;

    PersonProfiles(PersonRepository people, PersonalDataCipher cipher, ProjectsApi projects, Clock clock) {
        this.people = people;
        this.cipher = cipher;
        this.projects = projects;
        this.clock = clock;
    }

    void apply(ProfileForm form, Person person) {
        boolean hasOrganisation = form.employerOrganisationId() != null;
        if (hasOrganisation && projects.organisation(form.employerOrganisationId()).isEmpty()) {
            throw new FieldRejectedException("employerOrganisationId", "person.employer.unknown");
        }
        if (!hasOrganisation && (form.employerName() == null || form.employerName().isBlank())) {
            throw new FieldRejectedException("employerName", "person.employer.required");
        }
        person.setFirstName(form.firstName().strip());
        person.setLastName(form.lastName().strip());
        person.setPhone(blankToNull(form.phone()));
        person.setEmployerOrganisationId(form.employerOrganisationId());
        person.setEmployerName(hasOrganisation ? null : form.employerName().strip());
        person.setJobTitle(blankToNull(form.jobTitle()));
        person.setGender(form.gender());
        if (form.personalId() != null && !form.personalId().isBlank()) {
            setPersonalId(person, form.personalId());
        }
        person.touch(Instant.now(clock));
    }

    /** Validates, checks for another person with the number, and stores it encrypted with its blind index. */
    void setPersonalId(Person person, String input) {
        String canonical = PersonalIdentityNumbers.normalise(input, LocalDate.now(clock))
                .orElseThrow(() -> new FieldRejectedException("personalId", "person.personalId.invalid"));
        String index = cipher.blindIndex(canonical);
        people.findByPersonalIdIndex(index).filter(other -> !other.getId().equals(person.getId())).ifPresent(other -> {
            throw new FieldRejectedException("personalId", "person.personalId.taken");
        });
        person.setPersonalId(cipher.encrypt(canonical), index);
    }

    static String locale(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "sv";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
