package se.kompetensportal.projects;

/** A thematic track (tematiskt spår) of a project, in its order. */
public record TrackInfo(long id, long projectId, int position, String name) {
}
