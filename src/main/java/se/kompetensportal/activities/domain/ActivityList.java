package se.kompetensportal.activities.domain;

import java.util.List;

import org.springframework.data.domain.Page;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.TrackInfo;

/**
 * The secretary's activity list: one page of rows, the projects and tracks to filter by, and the visible projects
 * whose trainers fall outside the 40/60 gender balance.
 */
public record ActivityList(Page<ActivityListItem> page, List<ProjectInfo> projects, List<TrackInfo> tracks,
        List<ProjectBalance> unbalancedProjects) {

    public se.kompetensportal.activities.ActivityKind[] kinds() {
        return se.kompetensportal.activities.ActivityKind.values();
    }

    public se.kompetensportal.activities.ActivityStatus[] statuses() {
        return se.kompetensportal.activities.ActivityStatus.values();
    }

    public List<String> sorts() {
        return ActivityFilter.SORTS;
    }

    public record ProjectBalance(ProjectInfo project, GenderBalance balance) {
    }
}
