package se.kompetensportal.actors.domain;

import java.time.Instant;

import se.kompetensportal.shared.web.PlainText;

/** A filed plan as its pages show it: the text, who filed and changed it when, and the attached document if any. */
public record PlanView(long projectId, long organisationId, String organisationName, String planText,
        Instant filedAt, String filedBy, Instant updatedAt, String updatedBy, String documentFilename,
        String documentType, Integer documentSize, Instant documentUploadedAt, long version) {

    /** The text as escaped paragraphs (safe for {@code th:utext}). */
    public String planHtml() {
        return PlainText.toHtml(planText);
    }

    public boolean hasDocument() {
        return documentFilename != null;
    }

    /** Whether the plan was changed after it was first filed. */
    public boolean changedAfterFiling() {
        return filedAt != null && updatedAt != null && updatedAt.isAfter(filedAt);
    }

    /** The document's size in kilobytes, at least 1. */
    public long documentKilobytes() {
        return documentSize == null ? 0 : Math.max(1, Math.round(documentSize / 1024.0));
    }
}
