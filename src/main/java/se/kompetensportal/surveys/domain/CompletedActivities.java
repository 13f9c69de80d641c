package se.kompetensportal.surveys.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityCompleted;

/** A completed activity gets its evaluation, from the project's default template (if it has none yet). */
@Component
class CompletedActivities {

    private final EvaluationService evaluations;

    CompletedActivities(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @ApplicationModuleListener
    void on(ActivityCompleted event) {
        evaluations.createFor(event.activityId());
    }
}
