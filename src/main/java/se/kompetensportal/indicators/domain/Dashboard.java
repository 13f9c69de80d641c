package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.timereporting.CoFinancing;

/**
 * The steering group's dashboard of one project for a period: indicator cards judged as of the period's end (or today),
 * the cumulative unique participants against the plan line, breakdowns of the participants, and co-financing through
 * participation per actor (confirmed hours from the time ledger against each actor's pledge).
 */
public record Dashboard(ProjectInfo project, LocalDate from, LocalDate to, LocalDate asOf, long uniqueParticipants,
        List<IndicatorResult> indicators, List<CurvePoint> curve, List<Breakdown> breakdowns,
        List<CoFinancing.ActorCoFinancing> coFinancing) {

    /**
     * One month of the participant curve: new participants that month, the cumulative count since the period began,
     * and the plan line (the planned participants spread evenly over the project's days), or {@code null} without a plan.
     */
    public record CurvePoint(YearMonth month, long newParticipants, long cumulative, Long planned) {
    }

    /**
     * One breakdown of the unique participants, such as by track. Rows carry either a literal label (a track's name)
     * or a message key ({@code labelKey}, such as {@code gender.WOMAN}).
     */
    public record Breakdown(String key, List<Row> rows) {

        public long total() {
            return rows.stream().mapToLong(Row::count).sum();
        }
    }

    public record Row(String label, String labelKey, long count) {
    }

    public long count(IndicatorStatus status) {
        return indicators.stream().filter(i -> i.status() == status).count();
    }
}
