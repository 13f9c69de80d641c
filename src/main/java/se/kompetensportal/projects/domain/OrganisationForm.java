package se.kompetensportal.projects.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import se.kompetensportal.projects.OrganisationKind;
import se.kompetensportal.shared.validation.OrganisationNumber;

/** An organisation's registry data. */
public record OrganisationForm(
        @NotBlank @Size(max = 200) String name,
        @OrganisationNumber String orgNumber,
        @NotNull OrganisationKind kind,
        @Size(max = 100) String municipality,
        @URL @Size(max = 300) String website,
        Long version) {

    public static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, null, null);
    }
}
