package se.kompetensportal.surveys.domain;

/** What kind of answer a question takes. Message key {@code question.kind.<NAME>}. */
public enum QuestionKind {
    /** 1–5, from "instämmer inte alls" to "instämmer helt". */
    AGREEMENT_SCALE,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    /** Several options, at most the question's {@code maxChoices}. */
    CHOOSE_UP_TO,
    /** The options put in order of importance (all of them, or the first few). */
    RANKING,
    /** Several statements (the options) each answered on one scale: the question's own steps or the agreement scale. */
    MATRIX,
    NUMBER,
    FREE_TEXT;

    /** The question has a list of options (for a matrix: its statements). */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == CHOOSE_UP_TO || this == RANKING || this == MATRIX;
    }

    /** Answered by choosing among the options, each counted. */
    public boolean choice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == CHOOSE_UP_TO;
    }

    /** More than one option may be chosen (check boxes). */
    public boolean several() {
        return this == MULTIPLE_CHOICE || this == CHOOSE_UP_TO;
    }

    /** Answers are counted per step or option (a chart), rather than listed or summed. */
    public boolean counted() {
        return this == AGREEMENT_SCALE || choice();
    }

    /** The options may be the project's tracks or target groups. */
    public boolean mayListProjectItems() {
        return choice() || this == RANKING;
    }
}
