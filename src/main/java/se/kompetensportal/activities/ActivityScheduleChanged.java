package se.kompetensportal.activities;

import java.time.Instant;
import java.util.List;

/**
 * The secretary changed a published activity's sessions or venue and chose to tell the participants. {@code sequence}
 * is the activity's calendar SEQUENCE after the change (higher than any calendar file sent before), so a listener can
 * send one notice per change and person; {@code removed} are the sessions taken away, which the calendar file of
 * {@link ActivitiesApi#calendar(long, List)} lists as cancelled so that calendars drop them.
 */
public record ActivityScheduleChanged(long activityId, long projectId, Change change, long sequence,
        List<RemovedSession> removed) {

    public enum Change { SESSION_ADDED, SESSION_CHANGED, SESSION_REMOVED, VENUE_CHANGED }

    public record RemovedSession(long sessionId, Instant startsAt, Instant endsAt) {
    }
}
