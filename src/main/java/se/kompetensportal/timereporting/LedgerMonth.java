package se.kompetensportal.timereporting;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One person's time in one project and month: the minutes attended (the sum of the month's attendance lines) and
 * where the month is in its confirmation.
 *
 * @param sentAt         when the request to confirm was last sent (mail or paper), or {@code null}
 * @param remindersSent  reminders sent since then
 * @param answeredAt     when the participant confirmed or disputed (set while CONFIRMED or DISPUTED)
 * @param method         how they answered (set while CONFIRMED or DISPUTED)
 * @param answeredBy     the user who recorded the answer: the participant, or the secretary for paper; {@code null} for
 *                       an answer through the mail's link
 * @param disputeComment what the participant said was wrong (while DISPUTED, and kept after)
 * @param paper          the secretary chose the paper route for this month (no mails)
 * @param version        changes with every change of minutes or status: a confirmation names the version it saw
 */
public record LedgerMonth(long id, long projectId, long personId, YearMonth month, int minutes, MonthStatus status,
        Instant sentAt, int remindersSent, Instant answeredAt, ConfirmationMethod method, Long answeredBy,
        String disputeComment, boolean paper, long version) {

    /** The funder's hours: the month's total minutes in whole hours, rounded down (not per session). */
    public long wholeHours() {
        return minutes / 60;
    }

    public boolean confirmed() {
        return status == MonthStatus.CONFIRMED;
    }

    /** A month without whole hours has nothing to confirm: no mail is sent for it. */
    public boolean hasHours() {
        return wholeHours() > 0;
    }
}
