package se.kompetensportal.activities;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.domain.Activity;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.ActivitySession;
import se.kompetensportal.activities.domain.ActivityTrainerRepository;
import se.kompetensportal.activities.domain.CalendarService;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * What other modules may ask of the activities module: facts about activities and their sessions, their calendar
 * file, and the reservation of seats. Unscoped: callers apply their own rules about who may see or do what.
 *
 * <p>Seats: an activity owns its capacity ({@code seats}) and the count of seats taken, and decides whether a seat is
 * free; the participants module owns who sits and who waits. A sign-up takes the activity's lock and, if one is free,
 * a seat with {@link #lockAndReserveSeat(long)} (one call, usually one statement), and gives it back with
 * {@link #releaseSeat(long)}, inside the caller's transaction, so the seat and the sign-up are committed or rolled back
 * together.
 */
@Service
@Transactional(readOnly = true)
public class ActivitiesApi {

    private final ActivityRepository activities;
    private final ActivityTrainerRepository trainers;
    private final CalendarService calendars;

    ActivitiesApi(ActivityRepository activities, ActivityTrainerRepository trainers, CalendarService calendars) {
        this.activities = activities;
        this.trainers = trainers;
        this.calendars = calendars;
    }

    public Optional<ActivityInfo> activity(long activityId) {
        return activities.findWithSessions(activityId).map(Activity::info);
    }

    /**
     * The activity with its sessions and its calendar file from one read, to pass down through a change (a sign-up and
     * its mail) instead of reading the activity again.
     */
    public Optional<ActivitySnapshot> snapshot(long activityId) {
        return activities.findWithSessions(activityId).map(a -> new ActivitySnapshot(a.info(),
                a.getSessions().stream().map(ActivitySession::info).toList(), () -> calendars.of(a)));
    }

    /** Several activities at once (a constant number of queries), in no particular order. */
    public List<ActivityInfo> activities(Collection<Long> activityIds) {
        return activityIds.isEmpty() ? List.of() : activities.findAllById(activityIds).stream().map(Activity::info).toList();
    }

    /** All activities of a project, whatever their status, by first session. */
    public List<ActivityInfo> activitiesOfProject(long projectId) {
        return activities.findByProjectWithSessions(projectId, java.util.EnumSet.allOf(ActivityStatus.class)).stream()
                .map(Activity::info)
                .sorted(java.util.Comparator.comparing(ActivityInfo::firstSessionStart,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** The activity's sessions in time order; empty if there is no such activity. */
    public List<SessionInfo> sessions(long activityId) {
        return activities.findWithSessions(activityId).map(a -> a.getSessions().stream().map(ActivitySession::info).toList())
                .orElse(List.of());
    }

    /** One session, whatever activity it belongs to ({@link SessionInfo#activityId()}). */
    public Optional<SessionInfo> session(long sessionId) {
        return activities.findSession(sessionId).map(ActivitySession::info);
    }

    /**
     * The activity's sessions as an iCalendar file (UTF-8, {@code text/calendar}), for instance to attach to a
     * confirmation mail. Throws {@link NotFoundException} if there is no such activity.
     */
    public byte[] calendar(long activityId) {
        return calendars.anyActivity(activityId);
    }

    /**
     * As {@link #calendar(long)}, with the removed sessions as cancelled events (same UID, the activity's SEQUENCE), so
     * that a calendar that imported them before drops them.
     */
    public byte[] calendar(long activityId, List<ActivityScheduleChanged.RemovedSession> removed) {
        return calendars.anyActivity(activityId, removed);
    }

    /**
     * Takes one seat of a published activity that is not full, with one conditional update; {@code false} when the
     * activity is full, not published, or does not exist. Joins the caller's transaction: if it rolls back, the seat is
     * free again. The registration period is not checked here (see {@link ActivityInfo#isOpenForSignUp}).
     */
    @Transactional
    public boolean tryReserveSeat(long activityId) {
        return activities.tryReserveSeat(activityId) == 1;
    }

    /**
     * Takes the activity's row lock for the rest of the caller's transaction. The participants module takes it before
     * any change to an activity's seats or waiting list, so that such changes for one activity happen one at a time.
     */
    @Transactional
    public void lockSeats(long activityId) {
        activities.lockForSeatChange(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
    }

    /**
     * Takes the activity's row lock for the rest of the caller's transaction and, if the activity is published and not
     * full, one seat; returns whether it took one. The seat decision is made on the row as it is once the lock is held,
     * so changes to one activity's seats and waiting list happen one at a time, each seeing those before it.
     */
    @Transactional
    public boolean lockAndReserveSeat(long activityId) {
        boolean free = activities.lockAndCheckSeat(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        return free && activities.takeSeat(activityId) == 1;
    }

    /**
     * Changes the number of seats (at least the seats already taken). Announces nothing: the caller (the participants
     * module, which owns the waiting list) gives the free seats to those waiting in the same transaction, once. A
     * change made on the activity's own form is announced with {@link ActivitySeatsChanged} instead.
     */
    @Transactional
    public void changeSeats(long activityId, int seats) {
        if (activities.changeSeats(activityId, seats) == 0) {
            throw new IllegalArgumentException("Seats " + seats + " below the seats taken of activity " + activityId);
        }
    }

    /** Published activities whose first session starts in the interval [from, to), e.g. for reminders. */
    public List<ActivityInfo> startingBetween(Instant from, Instant to) {
        return activities.findPublishedStartingBetween(from, to).stream().map(Activity::info).toList();
    }

    /** The user accounts linked to the activity's trainers (they record its attendance; they are not participants). */
    public java.util.Set<Long> trainerUserIds(long activityId) {
        return java.util.Set.copyOf(trainers.userIdsOfActivity(activityId));
    }

    /** Whether the user is linked to one of the activity's trainers. */
    public boolean isTrainer(long userId, long activityId) {
        return trainers.userIdsOfActivity(activityId).contains(userId);
    }

    /** The published or completed activities the user teaches (is linked to as trainer), in no particular order. */
    public List<Long> activitiesTaughtBy(long userId) {
        return trainers.activityIdsTaughtBy(userId);
    }

    /** Gives a seat back (a cancelled sign-up); never takes the count below zero. Joins the caller's transaction. */
    @Transactional
    public void releaseSeat(long activityId) {
        activities.releaseSeat(activityId);
    }
}
