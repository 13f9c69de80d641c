package se.kompetensportal.timereporting;

import java.time.YearMonth;

/**
 * A project's month at a glance: how many people have time in it, their whole hours (each person's month rounded
 * down, then added up), how many of those hours are confirmed, and how many people are in each status.
 */
public record MonthSummary(YearMonth month, int people, long wholeHours, long confirmedHours, int open, int sent,
        int confirmed, int disputed, int corrected) {

    public long unconfirmedHours() {
        return wholeHours - confirmedHours;
    }

    /** Sent (or sent again after a correction) and not answered. */
    public int awaiting() {
        return sent + corrected;
    }
}
