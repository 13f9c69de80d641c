package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When a person takes part in a project, for SCB. A spell starts on the first attendance. It ends:
 * <ul>
 * <li>on an <b>explicit exit</b> the secretary recorded (the date they left and why, {@link ParticipantExits}): the
 *     exit date is the end date, reported in the exit's month. An exit counts for the spell open on its date (on or
 *     after the spell's start, and not after the month the rule below would have reported it); attendance after it
 *     starts a new spell;</li>
 * <li>otherwise by the rule for people who simply stop coming: on the last attendance before a gap of more than
 *     {@code inactiveMonths} whole months without attendance, reported in the month the rule is met (the last of the
 *     empty months), or in the project's last month if that comes first.</li>
 * </ul>
 * A starter is reported in the month of their first attendance. Someone who comes back after an end starts a new
 * spell.
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

    /** {@link #of(long, List, List, int, YearMonth, YearMonth)} without explicit exits. */
    static List<Spell> of(long personId, List<LedgerFigures.Span> months, int inactiveMonths, YearMonth projectEnd,
            YearMonth asOf) {
        return of(personId, months, List.of(), inactiveMonths, projectEnd, asOf);
    }

    /**
     * The spells of one person from their months (by month, attendance in each) and explicit exits (by date), as known
     * at the end of {@code asOf} (the month being reported).
     */
    static List<Spell> of(long personId, List<LedgerFigures.Span> months, List<LocalDate> exits, int inactiveMonths,
            YearMonth projectEnd, YearMonth asOf) {
        List<Spell> spells = new ArrayList<>();
        LocalDate start = null;
        LocalDate last = null;
        for (LedgerFigures.Span s : months) {
            if (s.month().isAfter(asOf)) {
                break;
            }
            if (start != null) {
                YearMonth byRule = endMonth(last, inactiveMonths, projectEnd);
                LocalDate exit = exitOf(exits, start, s.first(), byRule);
                if (exit != null) {
                    spells.add(new Spell(personId, start, exit, reported(YearMonth.from(exit), asOf)));
                    start = null;
                } else if (ChronoUnit.MONTHS.between(YearMonth.from(last), s.month()) > inactiveMonths) {
                    spells.add(new Spell(personId, start, last, byRule));
                    start = null;
                }
            }
            if (start == null) {
                start = s.first();
            }
            last = s.last();
        }
        if (start != null) {
            YearMonth byRule = endMonth(last, inactiveMonths, projectEnd);
            LocalDate exit = exitOf(exits, start, null, byRule);
            if (exit != null) {
                spells.add(new Spell(personId, start, exit, reported(YearMonth.from(exit), asOf)));
            } else {
                spells.add(new Spell(personId, start, last, reported(byRule, asOf)));
            }
        }
        return spells;
    }

    /** The first exit on or after the spell's start, before {@code before} (if any), not after the rule's month. */
    private static LocalDate exitOf(List<LocalDate> exits, LocalDate start, LocalDate before, YearMonth byRule) {
        for (LocalDate e : exits) {
            if (!e.isBefore(start) && (before == null || e.isBefore(before))) {
                return YearMonth.from(e).isAfter(byRule) ? null : e;
            }
        }
        return null;
    }

    private static YearMonth reported(YearMonth month, YearMonth asOf) {
        return month.isAfter(asOf) ? null : month;
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
