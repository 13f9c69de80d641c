package se.kompetensportal.newsletter.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityCancelled;

/** A cancelled activity leaves every newsletter draft at once (and is checked again when an issue is sent). */
@Component
class CancelledActivities {

    private final IssueItemRepository items;

    CancelledActivities(IssueItemRepository items) {
        this.items = items;
    }

    @ApplicationModuleListener
    void on(ActivityCancelled event) {
        items.removeActivityFromDrafts(event.activityId());
    }
}
