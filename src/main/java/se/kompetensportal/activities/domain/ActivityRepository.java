package se.kompetensportal.activities.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import se.kompetensportal.activities.ActivityStatus;

public interface ActivityRepository extends JpaRepository<Activity, Long> {

    /** The activity with its sessions (trainers and target groups follow lazily, in one query each). */
    @Query("select distinct a from Activity a left join fetch a.sessions where a.id = :id")
    Optional<Activity> findWithSessions(long id);

    /**
     * Takes the activity's row lock until the transaction ends and tells whether a seat is free (published, not full),
     * as the row is once the lock is held.
     */
    @Query(nativeQuery = true, value = "select seats_taken < seats and status = 'PUBLISHED' from activity where id = :id for update")
    Optional<Boolean> lockAndCheckSeat(long id);

    /** Takes one seat; only under the activity's lock, after {@link #lockAndCheckSeat} found one free. */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "update activity set seats_taken = seats_taken + 1 where id = :id")
    int takeSeat(long id);

    /** One session with its activity. */
    @Query("select s from ActivitySession s join fetch s.activity where s.id = :sessionId")
    Optional<ActivitySession> findSession(long sessionId);

    /** Activities with their sessions, for calendars and the printed catalogue (one query). */
    @Query("""
            select distinct a from Activity a left join fetch a.sessions
            where a.projectId = :projectId and a.status in :statuses""")
    List<Activity> findByProjectWithSessions(long projectId, Collection<ActivityStatus> statuses);

    @Query("""
            select distinct a from Activity a left join fetch a.sessions
            where a.trackId = :trackId and a.status in :statuses""")
    List<Activity> findByTrackWithSessions(long trackId, Collection<ActivityStatus> statuses);

    /**
     * Takes one seat if the activity is published and not full: one conditional update, safe under concurrency (the
     * row lock of the update serialises competing reservations; the CHECK constraint is the last line of defence).
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            update activity set seats_taken = seats_taken + 1
            where id = :id and seats_taken < seats and status = 'PUBLISHED'""")
    int tryReserveSeat(long id);

    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "update activity set seats_taken = seats_taken - 1 where id = :id and seats_taken > 0")
    int releaseSeat(long id);

    /** Takes the activity's row lock until the transaction ends; sign-up changes for one activity queue up here. */
    @Query(nativeQuery = true, value = "select id from activity where id = :id for update")
    Optional<Long> lockForSeatChange(long id);

    /** Sets the capacity, never below the seats already taken; returns the number of rows changed (0 or 1). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "update activity set seats = :seats, version = version + 1 where id = :id and :seats >= seats_taken and :seats >= 1")
    int changeSeats(long id, int seats);

    /** Published activities whose first session starts in [from, to). */
    @Query("select a from Activity a where a.status = 'PUBLISHED' and a.firstStart >= :from and a.firstStart < :to")
    List<Activity> findPublishedStartingBetween(java.time.Instant from, java.time.Instant to);

    /** Demo data only: marks an activity as fully booked. */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "update activity set seats_taken = :taken where id = :id")
    int setSeatsTakenForDemo(long id, int taken);

    @Query(nativeQuery = true, value = "select seats_taken from activity where id = :id")
    Optional<Integer> currentSeatsTaken(long id);

    boolean existsByProjectId(long projectId);
}
