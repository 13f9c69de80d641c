package se.kompetensportal.dialogfund.domain;

/** A project the user may create a fund for. */
public record ProjectOption(long id, String shortName, String name) {
}
