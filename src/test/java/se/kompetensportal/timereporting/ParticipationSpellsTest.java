package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for people who simply stop coming, by hand: N = 3 whole months without attendance end a spell. */
class ParticipationSpellsTest {

    static LedgerFigures.Span span(String first, String last) {
        return new LedgerFigures.Span(1, YearMonth.from(LocalDate.parse(first)), LocalDate.parse(first),
                LocalDate.parse(last), 5, true);
    }

    @Test
    void threeEmptyMonthsEndASpellAtTheLastAttendanceReportedInTheThirdEmptyMonth() {
        List<LedgerFigures.Span> months = List.of(span("2025-01-10", "2025-01-20"), span("2025-04-02", "2025-04-09"),
                span("2025-09-15", "2025-09-15"));
        // Jan → Apr is a gap of two empty months (Feb, Mar): one spell. Apr → Sep: May, Jun, Jul empty → ends.
        List<ParticipationSpells.Spell> spells = ParticipationSpells.of(1, months, 3, YearMonth.of(2026, 12),
                YearMonth.of(2025, 12));
        assertThat(spells).containsExactly(
                new ParticipationSpells.Spell(1, LocalDate.parse("2025-01-10"), LocalDate.parse("2025-04-09"),
                        YearMonth.of(2025, 7)),
                new ParticipationSpells.Spell(1, LocalDate.parse("2025-09-15"), LocalDate.parse("2025-09-15"),
                        YearMonth.of(2025, 12)));
        // As known at the end of June, the first spell is still open.
        assertThat(ParticipationSpells.of(1, months, 3, YearMonth.of(2026, 12), YearMonth.of(2025, 6)))
                .containsExactly(new ParticipationSpells.Spell(1, LocalDate.parse("2025-01-10"),
                        LocalDate.parse("2025-04-09"), null));
    }

    @Test
    void theProjectsEndEndsEveryOpenSpellInItsLastMonth() {
        List<ParticipationSpells.Spell> spells = ParticipationSpells.of(1, List.of(span("2025-11-03", "2025-11-20")), 3,
                YearMonth.of(2025, 12), YearMonth.of(2025, 12));
        assertThat(spells.getFirst().endReported()).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void anExplicitExitEndsTheSpellOnItsDateInItsMonthAndAttendanceAfterItStartsANewOne() {
        List<LedgerFigures.Span> months = List.of(span("2025-01-10", "2025-01-20"), span("2025-02-03", "2025-02-17"),
                span("2025-03-05", "2025-03-05"));
        // Left on 2025-01-31 (between January's and February's attendance): reported in January, not by the rule.
        List<LocalDate> exits = List.of(LocalDate.parse("2025-01-31"));
        assertThat(ParticipationSpells.of(1, months, exits, 3, YearMonth.of(2026, 12), YearMonth.of(2025, 12)))
                .containsExactly(
                        new ParticipationSpells.Spell(1, LocalDate.parse("2025-01-10"), LocalDate.parse("2025-01-31"),
                                YearMonth.of(2025, 1)),
                        new ParticipationSpells.Spell(1, LocalDate.parse("2025-02-03"), LocalDate.parse("2025-03-05"),
                                YearMonth.of(2025, 6)));
        // An exit after the last attendance ends the open spell in its own month, before the rule would.
        assertThat(ParticipationSpells.of(1, months, List.of(LocalDate.parse("2025-04-15")), 3, YearMonth.of(2026, 12),
                YearMonth.of(2025, 12))).containsExactly(new ParticipationSpells.Spell(1,
                        LocalDate.parse("2025-01-10"), LocalDate.parse("2025-04-15"), YearMonth.of(2025, 4)));
        // Known at the end of March, that exit has not happened yet: the spell is open.
        assertThat(ParticipationSpells.of(1, months, List.of(LocalDate.parse("2025-04-15")), 3, YearMonth.of(2026, 12),
                YearMonth.of(2025, 3)).getFirst().endReported()).isNull();
    }

    @Test
    void anExitAfterTheRuleHasEndedTheSpellOrBeforeItStartedChangesNothing() {
        List<LedgerFigures.Span> months = List.of(span("2025-01-10", "2025-01-20"));
        List<ParticipationSpells.Spell> byRule = ParticipationSpells.of(1, months, 3, YearMonth.of(2026, 12),
                YearMonth.of(2025, 12));
        assertThat(ParticipationSpells.of(1, months, List.of(LocalDate.parse("2024-12-01"),
                LocalDate.parse("2025-06-01")), 3, YearMonth.of(2026, 12), YearMonth.of(2025, 12))).isEqualTo(byRule);
        assertThat(byRule.getFirst().endReported()).isEqualTo(YearMonth.of(2025, 4));
    }
}
