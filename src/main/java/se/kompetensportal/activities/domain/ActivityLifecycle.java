package se.kompetensportal.activities.domain;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityCompleted;
import se.kompetensportal.activities.ActivityPublished;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.Formats;

/**
 * An activity's status: published, cancelled (its sign-ups follow through {@code ActivityCancelled}), completed once
 * its last session has ended, or deleted when entered by mistake and nobody signed up.
 */
@Service
public class ActivityLifecycle {

    private final ManagedActivities managed;
    private final ActivityRepository activities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityLifecycle(ManagedActivities managed, ActivityRepository activities, ApplicationEventPublisher events, Clock clock) {
        this.managed = managed;
        this.activities = activities;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void publish(PortalUser user, long activityId) {
        Activity activity = managed.find(user, activityId);
        if (activity.getStatus() != ActivityStatus.DRAFT) {
            throw new BusinessRuleException("activity.publish.notDraft", activity.getTitle());
        }
        activity.publish(clock.instant());
        events.publishEvent(new ActivityPublished(activity.getId(), activity.getProjectId()));
    }

    @Transactional
    public void cancel(PortalUser user, long activityId, CancelForm form) {
        Activity activity = managed.find(user, activityId);
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.cancel.notPossible", activity.getTitle());
        }
        activity.cancel(form.reason().strip(), clock.instant());
        events.publishEvent(new ActivityCancelled(activity.getId(), activity.getProjectId(), form.reason().strip()));
    }

    @Transactional
    public void complete(PortalUser user, long activityId) {
        Activity activity = managed.find(user, activityId);
        if (activity.getStatus() != ActivityStatus.PUBLISHED) {
            throw new BusinessRuleException("activity.complete.notPublished", activity.getTitle());
        }
        // Completion sends the evaluation and closes the attendance: only once the last session has ended.
        if (activity.getLastEnd() == null || activity.getLastEnd().isAfter(clock.instant())) {
            throw new BusinessRuleException("activity.complete.notEnded", activity.getTitle(),
                    activity.getLastEnd() == null ? "" : new Formats().dateTime(activity.getLastEnd()));
        }
        activity.complete(clock.instant());
        events.publishEvent(new ActivityCompleted(activity.getId(), activity.getProjectId()));
    }

    /** Deletes an activity entered by mistake. One with sign-ups is refused: it can only be cancelled. */
    @Transactional
    public long delete(PortalUser user, long activityId) {
        Activity activity = managed.find(user, activityId);
        if (activity.getSeatsTaken() > 0) {
            throw new BusinessRuleException("activity.delete.hasSignUps", activity.getTitle());
        }
        try {
            activities.delete(activity);
            activities.flush();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("activity.delete.hasSignUps", activity.getTitle());
        }
        return activity.getProjectId();
    }
}
