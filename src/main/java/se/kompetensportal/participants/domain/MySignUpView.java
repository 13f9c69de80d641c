package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import se.kompetensportal.activities.ActivityStatus;

/**
 * A sign-up as its participant sees it.
 *
 * @param position       place on the waiting list (1 = first), 0 unless waiting
 * @param hoursAttended  the length of the sessions the participant attended
 */
public record MySignUpView(long id, long activityId, String title, String path, ActivityStatus activityStatus,
        SignUpStatus status, long position, Instant firstStart, Instant lastEnd, String place, List<String> schedule,
        Instant cancellationDeadline, boolean cancellable, boolean certificateAvailable, BigDecimal hoursAttended,
        String specialNeeds, String manageToken) {
}
