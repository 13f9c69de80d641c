package se.kompetensportal.actors.domain;

import java.time.LocalDate;
import java.util.List;

import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;

/** Evaluation results of the organisation's staff in a project for a period (either end open). */
public record EvaluationReport(LocalDate from, LocalDate to, List<StatementResult> statements,
        EvaluationTotals totals) {

    /** Nothing has been answered yet (by the organisation's staff, in the period). */
    public boolean noAnswers() {
        return totals.responses() == 0 && statements.stream().allMatch(s -> s.answers() == 0);
    }
}
