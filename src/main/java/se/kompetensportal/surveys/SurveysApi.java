package se.kompetensportal.surveys;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules may ask of course evaluations and follow-up surveys. Answers are anonymous and every figure here is an aggregate over
 * web and paper responses; a share is never revealed for fewer than {@link #MIN_ANSWERS_SHOWN} answers.
 *
 * <p>Periods are inclusive and either end may be {@code null} (open). A response counts in a period by its date (the
 * only time a response keeps). {@code organisationId} narrows to respondents employed by that organisation at the time
 * they were invited; {@code null} means everyone.
 */
public interface SurveysApi {

    /** Fewer answers than this are not shown anywhere, as counts of agreement or as distributions. */
    int MIN_ANSWERS_SHOWN = 5;

    /** Per indicator statement of the project's evaluations, in template order: answers and how many agreed. */
    List<StatementResult> statementResults(long projectId, LocalDate from, LocalDate to, Long organisationId);

    /**
     * Per statement asked in the project's follow-up surveys (such as {@code FU_APPLYING}, "I use what I learned at
     * work"), in question order: answers and how many agreed, over the follow-ups of one track ({@code trackId}) or of
     * every track ({@code null}). Agreement is withheld under {@link #MIN_ANSWERS_SHOWN} answers.
     */
    List<StatementResult> followUpResults(long projectId, LocalDate from, LocalDate to, Long trackId);

    /** How many evaluations were sent, invitations went out and responses came in (paper included). */
    EvaluationTotals totals(long projectId, LocalDate from, LocalDate to, Long organisationId);
}
