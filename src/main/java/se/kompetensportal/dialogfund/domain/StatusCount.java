package se.kompetensportal.dialogfund.domain;

/** How many of a fund's applications are in a status. */
public record StatusCount(ApplicationStatus status, long count) {
}
