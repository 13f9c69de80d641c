package se.kompetensportal.actors.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import se.kompetensportal.participants.OrganisationParticipation.ActivityHours;
import se.kompetensportal.participants.OrganisationParticipation.PersonMonthHours;

/**
 * An organisation's staff's hours in a project: whole hours per person and month (the funder's rule), their totals per
 * month (the chart and the table beside it), and the attended time per activity.
 */
public record HoursReport(List<MonthTotal> months, List<PersonMonthHours> perPersonAndMonth,
        List<ActivityHours> perActivity) {

    /** One month: how many of the organisation's people attended and their whole hours added up. */
    public record MonthTotal(YearMonth month, long people, long wholeHours) {
    }

    public long totalWholeHours() {
        return months.stream().mapToLong(MonthTotal::wholeHours).sum();
    }

    public BigDecimal totalActivityHours() {
        return perActivity.stream().map(ActivityHours::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean empty() {
        return perPersonAndMonth.isEmpty();
    }

    /** The months as labels for the chart, such as {@code 2026-03}, in a JSON array (for a data attribute). */
    public String chartLabels() {
        return months.stream().map(m -> "\"" + m.month() + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** The whole hours per month for the chart, in a JSON array (for a data attribute). */
    public String chartValues() {
        return months.stream().map(m -> Long.toString(m.wholeHours()))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
