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
 * @param checkInCode    the code the trainer scans or types to mark the participant present ({@code 1A2B-3C4D-5E6F})
 * @param checkInQr      the code as a QR code ({@code <svg>} markup) while the sign-up holds a seat on an activity that
 *                       has not ended, else {@code null}
 */
public record MySignUpView(long id, long activityId, String title, String path, ActivityStatus activityStatus,
        SignUpStatus status, long position, Instant firstStart, Instant lastEnd, String place, List<String> schedule,
        Instant cancellationDeadline, boolean cancellable, boolean certificateAvailable, BigDecimal hoursAttended,
        String specialNeeds, String manageToken, String checkInCode, String checkInQr) {
}
