package se.kompetensportal.activities.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;

/** What the catalogue's filters offer, for {@link CatalogueService}; run inside its read-only transaction. */
@Component
class CatalogueFacets {

    private static final Duration FACETS_TTL = Duration.ofMinutes(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final ActivityChanges changes;
    private final AtomicReference<Facets> upcomingFacets = new AtomicReference<>();
    private final AtomicReference<Facets> archiveFacets = new AtomicReference<>();

    CatalogueFacets(NamedParameterJdbcTemplate jdbc, ProjectsApi projects, ActivityChanges changes) {
        this.jdbc = jdbc;
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
        Set<Long> projectIds = new TreeSet<>();
        Set<Long> trackIds = new TreeSet<>();
        Set<String> places = new TreeSet<>(CatalogueService.SWEDISH);
        jdbc.query("select distinct a.project_id, a.track_id, a.venue_city from activity a" + scope,
                new MapSqlParameterSource("now", CatalogueService.timestamp(now)), (RowCallbackHandler) rs -> {
                    projectIds.add(rs.getLong(1));
                    trackIds.add(rs.getLong(2));
                    String place = rs.getString(3);
                    if (place != null) {
                        places.add(place);
                    }
                });
        Facets fresh = Facets.of(version, System.nanoTime() + FACETS_TTL.toNanos(),
                projects.projects(projectIds).stream().sorted((a, b) -> CatalogueService.SWEDISH.compare(a.shortName(), b.shortName()))
                        .toList(),
                projects.tracks(projectIds).stream().filter(t -> trackIds.contains(t.id())).toList(),
                projects.targetGroups(projectIds), List.copyOf(places));
        remembered.set(fresh);
        return fresh;
    }

    /**
     * What the filters offer, with the projects, track names and target group names by id for the page's items (made
     * once while the facets are remembered, not for every page).
     */
    record Facets(long version, long expiresAt, List<ProjectInfo> projects, List<TrackInfo> tracks,
            List<TargetGroupInfo> targetGroups, List<String> places, Map<Long, ProjectInfo> projectById,
            Map<Long, String> trackNames, Map<Long, String> targetGroupNames) {

        static Facets of(long version, long expiresAt, List<ProjectInfo> projects, List<TrackInfo> tracks,
                List<TargetGroupInfo> targetGroups, List<String> places) {
            return new Facets(version, expiresAt, projects, tracks, targetGroups, places,
                    projects.stream().collect(Collectors.toUnmodifiableMap(ProjectInfo::id, Function.identity())),
                    tracks.stream().collect(Collectors.toUnmodifiableMap(TrackInfo::id, TrackInfo::name)),
                    targetGroups.stream().collect(Collectors.toUnmodifiableMap(TargetGroupInfo::id, TargetGroupInfo::name)));
        }

        ProjectInfo project(long id) {
            return projectById.get(id);
        }

        /** The track's name, or empty when the filters do not offer it. */
        String trackName(long id) {
            return trackNames.getOrDefault(id, "");
        }

        /** The target group's name, or null when the filters do not offer it. */
        String targetGroupName(long id) {
            return targetGroupNames.get(id);
        }
    }
}
