package se.kompetensportal.dialogfund.domain;

/** What kind of non-profit organisation applies. Message key {@code dialogfund.orgType.<NAME>}. */
public enum OrganisationType {
    ASSOCIATION, FAITH_COMMUNITY, STUDY_ASSOCIATION, SPORTS_CLUB, FOUNDATION, OTHER
}
