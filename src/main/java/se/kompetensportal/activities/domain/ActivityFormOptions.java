package se.kompetensportal.activities.domain;

import java.util.List;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;

/** What the activity form offers: the project's tracks and target groups, the kinds, levels and languages. */
public record ActivityFormOptions(ProjectInfo project, List<TrackInfo> tracks, List<TargetGroupInfo> targetGroups) {

    public ActivityKind[] kinds() {
        return ActivityKind.values();
    }

    public ActivityLevel[] levels() {
        return ActivityLevel.values();
    }

    public List<String> languages() {
        return ActivityForm.LANGUAGES;
    }
}
