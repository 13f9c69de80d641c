package se.kompetensportal.timereporting.domain;

/** Why a participant left a project (message key {@code time.exit.reason.<name>}). */
public enum ExitReason {
    COMPLETED, LEFT_PROJECT, NEW_JOB, OTHER
}
