package se.kompetensportal.participants.domain;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityScheduleChanged;
import se.kompetensportal.activities.ActivitySeatsChanged;
import se.kompetensportal.activities.ActivityTrackChanged;

/**
 * Reacts to what happens to activities: a cancelled activity cancels its sign-ups and tells everyone signed up; more
 * seats go to the waiting list; a change of sessions or venue the secretary announced is mailed to those signed up; an
 * activity moved to another track moves its attendance (and with it the participants by track). Runs after the
 * activity's change is committed, from the event publication registry, so a failure is retried rather than lost.
 */
@Component
class ActivityEvents {

    private final WaitingList seats;
    private final ScheduleChangeNotices notices;
    private final AttendanceWriter attendance;

    ActivityEvents(WaitingList seats, ScheduleChangeNotices notices, AttendanceWriter attendance) {
        this.seats = seats;
        this.notices = notices;
        this.attendance = attendance;
    }

    @ApplicationModuleListener
    void on(ActivityScheduleChanged event) {
        notices.send(event);
    }

    @ApplicationModuleListener
    void on(ActivityCancelled event) {
        seats.cancelAllFor(event.activityId(), event.reason());
    }

    @ApplicationModuleListener
    void on(ActivitySeatsChanged event) {
        seats.fillFreeSeats(event.activityId());
    }

    @ApplicationModuleListener
    void on(ActivityTrackChanged event) {
        attendance.moveToTrack(event.activityId(), event.trackId());
    }
}
