package se.kompetensportal.timereporting;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A project's month as reported to SCB.
 *
 * @param reportedAt  when the month's file was last marked as sent, or {@code null} if never
 * @param needsResend a correction after it was reported (of this month or an earlier one) means it must be sent again
 * @param flaggedAt   when it was flagged, and {@code flagReason} why: a message key ({@code time.scb.flag.*})
 */
public record ScbMonth(long projectId, YearMonth month, Instant reportedAt, Long reportedBy, boolean needsResend,
        Instant flaggedAt, String flagReason) {
}
