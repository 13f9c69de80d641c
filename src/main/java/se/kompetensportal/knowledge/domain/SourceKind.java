package se.kompetensportal.knowledge.domain;

/** Where an item's first text came from, when it was made from another part of the portal. */
public enum SourceKind {
    /** A dialog-fund application's approved final report. */
    FINAL_REPORT,
    /** A developed or carried-out collaboration project. */
    COLLABORATION
}
