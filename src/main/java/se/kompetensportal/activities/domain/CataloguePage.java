package se.kompetensportal.activities.domain;

import java.time.YearMonth;
import java.util.List;

import org.springframework.data.domain.Page;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;

/**
 * One page of the public catalogue (or its archive), with what its filters offer: the projects, tracks, target
 * groups and places that have activities in it, the kinds, and the months ahead (or behind, for the archive).
 */
public record CataloguePage(Page<CatalogueItem> page, List<ProjectInfo> projects, List<TrackInfo> tracks,
        List<TargetGroupInfo> targetGroups, List<String> places, List<YearMonth> months) {

    public ActivityKind[] kinds() {
        return ActivityKind.values();
    }

    /** The project's tracks, for its group of the filter's options (one list per project, not one test per track). */
    public List<TrackInfo> tracksOf(long projectId) {
        return tracks.stream().filter(t -> t.projectId() == projectId).toList();
    }

    /** The project's target groups, for its group of the filter's options. */
    public List<TargetGroupInfo> targetGroupsOf(long projectId) {
        return targetGroups.stream().filter(g -> g.projectId() == projectId).toList();
    }

    public String projectShortName(long projectId) {
        return projects.stream().filter(p -> p.id() == projectId).map(ProjectInfo::shortName).findFirst().orElse("");
    }
}
