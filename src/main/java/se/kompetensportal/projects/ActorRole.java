package se.kompetensportal.projects;

/** An organisation's part in a project. Message key {@code actor.role.<NAME>}. */
public enum ActorRole {
    /** Owns the project towards the funder. */
    OWNER,
    /** A partner (aktör) named in the project plan, with a contact person. */
    PARTNER,
    /** Another body whose staff are offered places. */
    INVITED
}
