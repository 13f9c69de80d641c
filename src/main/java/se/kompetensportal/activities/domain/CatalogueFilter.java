package se.kompetensportal.activities.domain;

import java.time.YearMonth;

import se.kompetensportal.activities.ActivityKind;

/**
 * The filters of the public catalogue: project, track, target group, kind, place (the venue's town), a month in which
 * the activity has a session, and free text (searched with PostgreSQL's Swedish dictionary).
 */
public record CatalogueFilter(Long project, Long track, Long targetGroup, ActivityKind kind, String place,
        YearMonth month, String q) {

    public static CatalogueFilter none() {
        return new CatalogueFilter(null, null, null, null, null, null, null);
    }

    public CatalogueFilter forProject(Long projectId) {
        return new CatalogueFilter(projectId, track, targetGroup, kind, place, month, q);
    }

    public String query() {
        return q == null || q.isBlank() ? null : q.strip();
    }

    public String placeOrNull() {
        return place == null || place.isBlank() ? null : place.strip();
    }

    public boolean isEmpty() {
        return project == null && track == null && targetGroup == null && kind == null && placeOrNull() == null
                && month == null && query() == null;
    }
}
