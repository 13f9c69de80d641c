package se.kompetensportal.projects;

/** An organisation (actor) as other modules see it. */
public record OrganisationInfo(long id, String name, String orgNumber, OrganisationKind kind, String municipality) {
}
