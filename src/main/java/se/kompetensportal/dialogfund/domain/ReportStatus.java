package se.kompetensportal.dialogfund.domain;

/**
 * A final report is submitted by the applicant, then approved by the secretary (the application is carried out) or
 * returned for completion. Message key {@code dialogfund.reportStatus.<NAME>}.
 */
public enum ReportStatus {
    SUBMITTED, RETURNED, APPROVED
}
