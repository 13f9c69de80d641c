package se.kompetensportal.surveys.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityPublished;

/**
 * A published activity gets its evaluation as a draft at once (from the project's default template), so that the
 * secretary can prepare the questions before the course ends; the evaluation job sends it after the last session, as
 * it does for the draft a completed activity gets ({@link CompletedActivities}, which finds this one and keeps it).
 */
@Component
class PublishedActivities {

    private final EvaluationService evaluations;

    PublishedActivities(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @ApplicationModuleListener
    void on(ActivityPublished event) {
        evaluations.createFor(event.activityId());
    }
}
