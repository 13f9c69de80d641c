package se.kompetensportal.surveys.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityCompleted;

/**
 * A completed activity gets its evaluation, from the project's default template (if it has none yet), and its
 * follow-up from the project's default follow-up template (if the project has one).
 */
@Component
class CompletedActivities {

    private final EvaluationService evaluations;
    private final SurveyService surveys;

    CompletedActivities(EvaluationService evaluations, SurveyService surveys) {
        this.evaluations = evaluations;
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(ActivityCompleted event) {
        evaluations.createFor(event.activityId());
        surveys.createDefaultFollowUp(event.activityId());
    }
}
