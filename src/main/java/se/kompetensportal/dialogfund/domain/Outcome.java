package se.kompetensportal.dialogfund.domain;

/** What the secretary decides. Message key {@code dialogfund.outcome.<NAME>}. */
public enum Outcome {
    GRANT, REJECT
}
