package se.kompetensportal.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One session (tillfälle) of an activity, in Swedish time (Europe/Stockholm).
 *
 * @param hours     the session's length in hours, to two decimals (a session of 3 h 30 min is 3.50)
 * @param place     where it is held (a room or an address), or {@code null} when only the activity's venue applies
 * @param onlineUrl the link for online participation, or {@code null}
 */
public record SessionInfo(long id, long activityId, LocalDate date, LocalTime start, LocalTime end, BigDecimal hours,
        String place, String onlineUrl) {
}
