package se.kompetensportal.activities.domain;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityScheduleChanged;
import se.kompetensportal.activities.ActivityStatus;

/**
 * After a change of an activity's sessions or venue: raises the activity's version, which is the SEQUENCE of its
 * calendar events, so a calendar file sent afterwards updates the events rather than adding new ones (a session's row
 * changing does not touch the activity's row by itself); and, for a published activity when the secretary chose so,
 * announces the change so that the participants module tells everyone signed up.
 */
@Component
class ScheduleAnnouncer {

    private final ActivityRepository activities;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    ScheduleAnnouncer(ActivityRepository activities, EntityManager entityManager, ApplicationEventPublisher events) {
        this.activities = activities;
        this.entityManager = entityManager;
        this.events = events;
    }

    void changed(Activity activity, ActivityScheduleChanged.Change change, boolean announce,
            List<ActivityScheduleChanged.RemovedSession> removed) {
        activities.flush();
        entityManager.lock(activity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (announce && activity.getStatus() == ActivityStatus.PUBLISHED) {
            events.publishEvent(new ActivityScheduleChanged(activity.getId(), activity.getProjectId(), change,
                    activity.getVersion(), List.copyOf(removed)));
        }
    }
}
