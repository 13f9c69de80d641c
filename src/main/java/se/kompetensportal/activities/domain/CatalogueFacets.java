package se.kompetensportal.activities.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;

/** What the catalogue's filters offer, for {@link CatalogueService}; run inside its read-only transaction. */
@Component
class CatalogueFacets {

    private static final Duration FACETS_TTL = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final ProjectsApi projects;
    private final ActivityChanges changes;
    private final AtomicReference<Facets> upcomingFacets = new AtomicReference<>();
    private final AtomicReference<Facets> archiveFacets = new AtomicReference<>();

    CatalogueFacets(EntityManager entityManager, ProjectsApi projects, ActivityChanges changes) {
        this.entityManager = entityManager;
        this.projects = projects;
        this.changes = changes;
    }

    /**
     * What the filters offer: the projects, tracks and places that have activities in the catalogue (or archive), and
     * the projects' target groups. Remembered while activities are unchanged, for at most a minute (names kept by the
     * projects module may change meanwhile), so that most pages skip these four queries.
     */
    Facets of(String scope, boolean archive, Instant now) {
        long version = changes.current();
        AtomicReference<Facets> remembered = archive ? archiveFacets : upcomingFacets;
        Facets cached = remembered.get();
        if (cached != null && cached.version() == version && System.nanoTime() - cached.expiresAt() < 0) {
            return cached;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select distinct a.project_id, a.track_id, a.venue_city from activity a" + scope)
                .setParameter("now", now).getResultList();
        Set<Long> projectIds = new TreeSet<>();
        Set<Long> trackIds = new TreeSet<>();
        Set<String> places = new TreeSet<>(CatalogueService.SWEDISH);
        for (Object[] f : rows) {
            projectIds.add(((Number) f[0]).longValue());
            trackIds.add(((Number) f[1]).longValue());
            if (f[2] != null) {
                places.add((String) f[2]);
            }
        }
        Facets fresh = new Facets(version, System.nanoTime() + FACETS_TTL.toNanos(),
                projects.projects(projectIds).stream().sorted((a, b) -> CatalogueService.SWEDISH.compare(a.shortName(), b.shortName()))
                        .toList(),
                projects.tracks(projectIds).stream().filter(t -> trackIds.contains(t.id())).toList(),
                projects.targetGroups(projectIds), List.copyOf(places));
        remembered.set(fresh);
        return fresh;
    }

    record Facets(long version, long expiresAt, List<ProjectInfo> projects, List<TrackInfo> tracks,
            List<TargetGroupInfo> targetGroups, List<String> places) {
    }
}
