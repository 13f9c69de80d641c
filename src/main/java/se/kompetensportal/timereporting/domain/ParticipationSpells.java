package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When a person takes part in a project, for SCB: a spell starts on the first attendance and ends on the last one
 * before a gap of more than {@code inactiveMonths} whole months without attendance (people who simply stop coming), or
 * at the project's end. A starter is reported in the month of their first attendance; a leaver in the month the rule
 * is met (the last of the empty months, or the project's last month if that comes first), with the last attendance
 * as end date. Someone who comes back after that starts a new spell.
 */
final class ParticipationSpells {

    /** One spell; {@code endReported} is {@code null} while it is still open. */
    record Spell(long personId, LocalDate start, LocalDate end, YearMonth endReported) {

        YearMonth startMonth() {
            return YearMonth.from(start);
        }
    }

    private ParticipationSpells() {
    }

    /**
     * The spells of one person from their months (by month, attendance in each), as known at the end of
     * {@code asOf} (the month being reported).
     */
    static List<Spell> of(long personId, List<LedgerFigures.Span> months, int inactiveMonths, YearMonth projectEnd,
            YearMonth asOf) {
        List<Spell> spells = new ArrayList<>();
        LocalDate start = null;
        LocalDate last = null;
        for (LedgerFigures.Span s : months) {
            if (s.month().isAfter(asOf)) {
                break;
            }
            if (start != null && ChronoUnit.MONTHS.between(YearMonth.from(last), s.month()) > inactiveMonths) {
                spells.add(new Spell(personId, start, last, endMonth(last, inactiveMonths, projectEnd)));
                start = null;
            }
            if (start == null) {
                start = s.first();
            }
            last = s.last();
        }
        if (start != null) {
            YearMonth end = endMonth(last, inactiveMonths, projectEnd);
            spells.add(new Spell(personId, start, last, end.isAfter(asOf) ? null : end));
        }
        return spells;
    }

    private static YearMonth endMonth(LocalDate last, int inactiveMonths, YearMonth projectEnd) {
        YearMonth byRule = YearMonth.from(last).plusMonths(inactiveMonths);
        YearMonth lastMonth = YearMonth.from(last);
        if (projectEnd != null && !lastMonth.isAfter(projectEnd) && byRule.isAfter(projectEnd)) {
            return projectEnd;
        }
        return byRule;
    }
}
