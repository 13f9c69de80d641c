package se.kompetensportal.timereporting.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When participants are asked to confirm their time.
 *
 * @param requestDay     from this day of each month, last month's (and any earlier unsent) months with hours are sent
 *                       for confirmation (1–28)
 * @param reminderAfter  a reminder goes this long after the request (or the last reminder) to those who have not answered
 * @param maxReminders   at most this many reminders per request
 * @param linkValidFor   how long the single-use link in a mail works
 */
@ConfigurationProperties("kp.timereporting")
public record TimeReportingProperties(Integer requestDay, Duration reminderAfter, Integer maxReminders,
        Duration linkValidFor) {

    public TimeReportingProperties {
        requestDay = requestDay == null ? 3 : Math.max(1, Math.min(28, requestDay));
        reminderAfter = reminderAfter == null ? Duration.ofDays(5) : reminderAfter;
        maxReminders = maxReminders == null ? 2 : Math.max(0, maxReminders);
        linkValidFor = linkValidFor == null ? Duration.ofDays(30) : linkValidFor;
    }
}
