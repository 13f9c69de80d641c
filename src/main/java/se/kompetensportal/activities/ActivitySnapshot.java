package se.kompetensportal.activities;

import java.util.List;
import java.util.function.Supplier;

/**
 * An activity as read once for a change that concerns it (a sign-up, a cancellation, a promotion): its facts, its
 * sessions in time order, and its calendar file, all from the same read ({@link ActivitiesApi#snapshot}). Passed down
 * instead of reading the activity again; the calendar file is made the first time it is asked for, from that read,
 * without going to the database.
 */
public final class ActivitySnapshot {

    private final ActivityInfo info;
    private final List<SessionInfo> sessions;
    private final Supplier<byte[]> calendarMaker;
    private byte[] calendar;

    public ActivitySnapshot(ActivityInfo info, List<SessionInfo> sessions, Supplier<byte[]> calendarMaker) {
        this.info = info;
        this.sessions = List.copyOf(sessions);
        this.calendarMaker = calendarMaker;
    }

    public ActivityInfo info() {
        return info;
    }

    public long id() {
        return info.id();
    }

    public List<SessionInfo> sessions() {
        return sessions;
    }

    /** The sessions as an iCalendar file (UTF-8), as {@link ActivitiesApi#calendar(long)} would give it. */
    public synchronized byte[] calendar() {
        if (calendar == null) {
            calendar = calendarMaker.get();
        }
        return calendar.clone();
    }
}
