package se.kompetensportal.newsletter.domain;

/** A newsletter issue: a draft the secretary edits, being written to the outbox, or sent (and archived). */
public enum IssueStatus {
    DRAFT, SENDING, SENT
}
