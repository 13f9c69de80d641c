package se.kompetensportal.timereporting.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The paper confirmation sheets of months, with every text formatted for the PDF (which renders without the web
 * page's helpers): the participant signs that the sessions and hours are right and the secretary ticks the sheet as
 * received.
 */
public final class PaperSheets {

    /** One person's month on paper. */
    public record Sheet(String projectName, String personName, String month, List<Line> lines, long wholeHours,
            String total) {
    }

    public record Line(String date, String activity, String time) {
    }

    private PaperSheets() {
    }

    public static List<Sheet> of(List<MonthView> views, Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        return views.stream().map(v -> new Sheet(v.projectName(), v.personName(), month.format(v.month().month()),
                v.lines().stream().map(l -> new Line(DateTimeFormatter.ISO_LOCAL_DATE.format(l.date()), l.activityTitle(),
                        TimeMails.duration(l.minutes()))).toList(),
                v.month().wholeHours(), TimeMails.duration(v.month().minutes()))).toList();
    }
}
