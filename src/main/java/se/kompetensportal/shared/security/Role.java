package se.kompetensportal.shared.security;

/**
 * The roles of the portal. A user may hold several. Message key {@code role.<NAME>} names each in the UI.
 */
public enum Role {
    /** Runs the installation: users, all projects. */
    ADMIN,
    /** Project secretary or project leader: runs the projects assigned to them. */
    SECRETARY,
    /** Member of a project's steering group: follows its indicators, reviews dialog-fund applications. */
    STEERING,
    /** An actor's contact person: follows their own organisation's participation. */
    ACTOR_CONTACT,
    /** Takes part in activities. */
    PARTICIPANT,
    /** Applies to a dialog fund on behalf of a non-profit organisation. */
    APPLICANT,
    /** Teaches activities: records attendance at the sessions of the activities they are linked to as trainer. */
    TRAINER;

    public String authority() {
        return "ROLE_" + name();
    }
}
