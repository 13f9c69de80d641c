package se.kompetensportal.dialogfund.domain;

/** Whether a file belongs to the application itself or documents the activity in the final report. */
public enum AttachmentPurpose {
    APPLICATION, REPORT
}
