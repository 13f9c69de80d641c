package se.kompetensportal.projects.domain;

import java.util.List;

import se.kompetensportal.projects.TargetGroupInfo;

/** Everything the project page shows. */
public record ProjectDetails(ProjectView project, List<TrackView> tracks, List<TargetGroupInfo> targetGroups,
        List<ActorView> actors, List<UnitCostView> unitCosts) {

    public record TrackView(long id, int position, String name, String description) {
    }

    public record UnitCostView(int year, java.math.BigDecimal hourlyRate) {
    }
}
