package se.kompetensportal.projects.domain;

import se.kompetensportal.projects.ActorRole;
import se.kompetensportal.projects.OrganisationKind;

/** An actor of a project as listed on the project page. */
public record ActorView(long organisationId, String name, String orgNumber, OrganisationKind kind, String municipality,
        ActorRole role) {
}
