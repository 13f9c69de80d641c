package se.kompetensportal.projects.domain;

import java.util.List;

import se.kompetensportal.projects.OrganisationKind;

/** Everything the organisation page shows. */
public record OrganisationDetails(long id, String name, String orgNumber, OrganisationKind kind, String municipality,
        String website, List<ContactView> contacts, List<ProjectOfActorView> projects) {

    public record ContactView(long id, String name, String title, String email, String phone) {
    }
}
