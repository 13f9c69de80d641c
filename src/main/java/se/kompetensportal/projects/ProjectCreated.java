package se.kompetensportal.projects;

/** A project was created; {@code createdBy} is the user who did it (they are given access to it). */
public record ProjectCreated(long projectId, long createdBy) {
}
