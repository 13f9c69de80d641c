package se.kompetensportal.activities.domain;

import java.util.List;

import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.TrackInfo;

/** The trainers' gender balance of a project, per track and per activity. */
public record BalanceReport(ProjectInfo project, GenderBalance projectBalance, List<TrackBalance> tracks,
        List<ActivityBalance> activities) {

    public record TrackBalance(TrackInfo track, GenderBalance balance) {
    }

    public record ActivityBalance(long activityId, String title, String trackName, GenderBalance balance) {
    }
}
