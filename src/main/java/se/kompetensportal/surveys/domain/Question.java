package se.kompetensportal.surveys.domain;

import java.util.List;
import java.util.Locale;

/**
 * One question of a template or a survey, in Swedish and English.
 *
 * @param options       the choices of a choice or ranking question (answered by their 1-based number), or the
 *                      statements of a matrix
 * @param statementKey  set when the question is an indicator statement (such as {@code D1_KNOWLEDGE})
 * @param agreeFrom     the lowest scale step that counts as agreeing
 * @param targetPercent the share agreeing the project aims for
 * @param maxChoices    for "choose up to N": N
 * @param scaleSv       a matrix's own scale steps, lowest first; empty for the 1–5 agreement scale
 * @param optionSource  {@code TRACK} or {@code TARGET_GROUP} when the options are the project's tracks or target
 *                      groups, whose ids {@code optionIds} holds in option order; otherwise {@code null}
 */
public record Question(long id, int position, QuestionKind kind, String textSv, String textEn, boolean required,
        List<String> optionsSv, List<String> optionsEn, String statementKey, int agreeFrom, int targetPercent,
        long version, Integer maxChoices, List<String> scaleSv, List<String> scaleEn, String optionSource,
        List<Long> optionIds) {

    public static final int SCALE_STEPS = 5;
    public static final int MAX_TEXT = 4000;
    public static final String TRACK = "TRACK";
    public static final String TARGET_GROUP = "TARGET_GROUP";

    /** A question of the kinds before matrices and rankings (no maximum, no own scale, own options). */
    public Question(long id, int position, QuestionKind kind, String textSv, String textEn, boolean required,
            List<String> optionsSv, List<String> optionsEn, String statementKey, int agreeFrom, int targetPercent,
            long version) {
        this(id, position, kind, textSv, textEn, required, optionsSv, optionsEn, statementKey, agreeFrom, targetPercent,
                version, null, List.of(), List.of(), null, List.of());
    }

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textSv;
    }

    public List<String> options(Locale locale) {
        return "en".equals(locale.getLanguage()) ? optionsEn : optionsSv;
    }

    /** A matrix's own scale steps in the language; empty for the agreement scale. */
    public List<String> scale(Locale locale) {
        return "en".equals(locale.getLanguage()) ? scaleEn : scaleSv;
    }

    public boolean statement() {
        return statementKey != null;
    }

    /** The steps of a scale question or matrix: its own, or the five of the agreement scale. */
    public int scaleSteps() {
        return scaleSv.isEmpty() ? SCALE_STEPS : scaleSv.size();
    }

    /** The matrix uses the agreement scale (so agreeing can be counted). */
    public boolean agreementScale() {
        return kind == QuestionKind.AGREEMENT_SCALE || kind == QuestionKind.MATRIX && scaleSv.isEmpty();
    }

    /** How many steps or options an answer may choose from (0 for numbers and texts). */
    public int choiceCount() {
        return switch (kind) {
            case AGREEMENT_SCALE -> SCALE_STEPS;
            case MATRIX -> scaleSteps();
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHOOSE_UP_TO, RANKING -> optionsSv.size();
            case NUMBER, FREE_TEXT -> 0;
        };
    }

    /** The form field (and element id) of the question's answer; a matrix row's or ranked option's adds "-n". */
    public String field() {
        return "q" + id;
    }

    public String field(int item) {
        return "q" + id + "-" + item;
    }

    /** The element the error summary moves focus to. */
    public String firstInputId() {
        return switch (kind) {
            case MATRIX -> field(1) + "-1";
            case RANKING -> field(1);
            case NUMBER, FREE_TEXT -> field();
            default -> field() + "-1";
        };
    }

    /** The options are the project's tracks (answers count as interest in them). */
    public boolean listsTracks() {
        return TRACK.equals(optionSource);
    }

    public boolean listsTargetGroups() {
        return TARGET_GROUP.equals(optionSource);
    }

    /** Questions asked in different surveys count together when they are the same statement or the same text. */
    public String groupKey() {
        return statementKey != null ? "S:" + statementKey : kind + "|" + textSv.strip().toLowerCase(Locale.ROOT);
    }
}
