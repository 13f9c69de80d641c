package se.kompetensportal.surveys.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityPublished;

/** A published activity is announced to those who registered interest in something it matches. */
@Component
class InterestListener {

    private final InterestService interest;

    InterestListener(InterestService interest) {
        this.interest = interest;
    }

    @ApplicationModuleListener
    void on(ActivityPublished event) {
        interest.activityPublished(event.activityId());
    }
}
