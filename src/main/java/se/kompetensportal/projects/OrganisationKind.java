package se.kompetensportal.projects;

/** What kind of body an actor is. Message key {@code organisation.kind.<NAME>}. */
public enum OrganisationKind {
    MUNICIPALITY, REGION, STATE_AGENCY, NON_PROFIT, UNIVERSITY, OTHER
}
