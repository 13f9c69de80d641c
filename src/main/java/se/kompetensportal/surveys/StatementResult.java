package se.kompetensportal.surveys;

/**
 * How the respondents answered one indicator statement (such as IKO's Delmål 1 statements).
 *
 * @param statementKey stable key of the statement across evaluations, such as {@code D1_KNOWLEDGE}
 * @param textSv the statement in Swedish
 * @param textEn the statement in English
 * @param answers how many answered it
 * @param agreeing how many agreed (answered at or above the statement's agreeing level); {@code null} when there are
 *        fewer than {@link SurveysApi#MIN_ANSWERS_SHOWN} answers
 * @param targetPercent the share agreeing the project aims for, such as 60
 */
public record StatementResult(String statementKey, String textSv, String textEn, long answers, Long agreeing,
        int targetPercent) {

    /** Whether there are too few answers to show the result. */
    public boolean suppressed() {
        return agreeing == null;
    }

    /** The share agreeing in percent (0–100), or {@code null} when suppressed. */
    public Double agreeingPercent() {
        return agreeing == null || answers == 0 ? null : 100.0 * agreeing / answers;
    }
}
