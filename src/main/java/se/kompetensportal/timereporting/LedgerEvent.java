package se.kompetensportal.timereporting;

import java.time.Instant;

/**
 * One entry of a ledger month's history.
 *
 * @param byUserId      who did it ({@code null}: the job, or the participant through the mail's link)
 * @param comment       the participant's comment (DISPUTED) or the secretary's reason (CORRECTED, RESENT)
 * @param minutesBefore the month's minutes before a change (CORRECTED, CHANGED), else {@code null}
 * @param minutesAfter  and after it
 */
public record LedgerEvent(long id, Instant at, LedgerEventKind kind, Long byUserId, ConfirmationMethod method,
        String comment, Integer minutesBefore, Integer minutesAfter) {
}
