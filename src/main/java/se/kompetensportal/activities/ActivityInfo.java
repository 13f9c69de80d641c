package se.kompetensportal.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What other modules need to know about an activity, for instance to take a sign-up.
 *
 * @param seats                the capacity
 * @param seatsTaken           seats reserved through {@link ActivitiesApi#tryReserveSeat(long)}
 * @param registrationOpens    when sign-up opens; {@code null} means as soon as the activity is published
 * @param registrationCloses   when sign-up closes (never after the first session starts)
 * @param cancellationDeadline until when a participant may cancel their sign-up themselves
 * @param firstSessionStart    start of the first session
 * @param lastSessionEnd       end of the last session
 * @param totalHours           the sum of the sessions' hours
 * @param place                the venue as one line ("name, address, city"), or {@code null} for an online activity
 * @param path                 the public page of the activity, such as {@code /activities/42-interkulturell-kompetens}
 */
public record ActivityInfo(long id, long projectId, long trackId, String title, ActivityKind kind, ActivityStatus status,
        int seats, int seatsTaken, Instant registrationOpens, Instant registrationCloses, Instant cancellationDeadline,
        Instant firstSessionStart, Instant lastSessionEnd, BigDecimal totalHours, String place,
        List<Long> targetGroupIds, String path) {

    public int seatsLeft() {
        return Math.max(0, seats - seatsTaken);
    }

    /** Published, within the registration period and not full. */
    public boolean isOpenForSignUp(Instant now) {
        return status == ActivityStatus.PUBLISHED && (registrationOpens == null || !now.isBefore(registrationOpens))
                && now.isBefore(registrationCloses) && seatsLeft() > 0;
    }

    /** A participant may still cancel their own sign-up. */
    public boolean isCancellableBy(Instant now) {
        return status == ActivityStatus.PUBLISHED && now.isBefore(cancellationDeadline);
    }
}
