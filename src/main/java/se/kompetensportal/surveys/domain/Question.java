package se.kompetensportal.surveys.domain;

import java.util.List;
import java.util.Locale;

/**
 * One question of a template or an evaluation, in Swedish and English.
 *
 * @param options      the choices of a single or multiple choice question (answered by their 1-based number)
 * @param statementKey set when the question is an indicator statement (such as {@code D1_KNOWLEDGE})
 * @param agreeFrom    the lowest scale step that counts as agreeing
 * @param targetPercent the share agreeing the project aims for
 */
public record Question(long id, int position, QuestionKind kind, String textSv, String textEn, boolean required,
        List<String> optionsSv, List<String> optionsEn, String statementKey, int agreeFrom, int targetPercent,
        long version) {

    public static final int SCALE_STEPS = 5;
    public static final int MAX_TEXT = 4000;

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textSv;
    }

    public List<String> options(Locale locale) {
        return "en".equals(locale.getLanguage()) ? optionsEn : optionsSv;
    }

    public boolean statement() {
        return statementKey != null;
    }

    /** How many steps or options an answer may choose from (0 for numbers and texts). */
    public int choiceCount() {
        return kind == QuestionKind.AGREEMENT_SCALE ? SCALE_STEPS : kind.hasOptions() ? optionsSv.size() : 0;
    }

    /** The form field (and element id) of the question's answer. */
    public String field() {
        return "q" + id;
    }

    /** Questions asked in different evaluations count together when they are the same statement or the same text. */
    public String groupKey() {
        return statementKey != null ? "S:" + statementKey : kind + "|" + textSv.strip().toLowerCase(Locale.ROOT);
    }
}
