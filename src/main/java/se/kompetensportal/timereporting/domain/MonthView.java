package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.util.List;

import se.kompetensportal.timereporting.LedgerEvent;
import se.kompetensportal.timereporting.LedgerMonth;

/**
 * A person's month as pages and mails show it: the ledger month, the project, the person, and each attended session
 * with its activity's title.
 *
 * @param reachable whether mails reach the person (else the month goes the paper route)
 * @param history   the month's history (empty where a page does not show it)
 */
public record MonthView(LedgerMonth month, String projectName, String projectShortName, String personName,
        String email, boolean reachable, List<Line> lines, List<LedgerEvent> history) {

    /** One attended session. */
    public record Line(LocalDate date, long sessionId, long activityId, String activityTitle, int minutes,
            int sessionMinutes) {

        public boolean partial() {
            return minutes < sessionMinutes;
        }
    }

    public long id() {
        return month.id();
    }
}
