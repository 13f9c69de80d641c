package se.kompetensportal.surveys.domain;

/** What kind of answer a question takes. Message key {@code question.kind.<NAME>}. */
public enum QuestionKind {
    /** 1–5, from "instämmer inte alls" to "instämmer helt". */
    AGREEMENT_SCALE,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    NUMBER,
    FREE_TEXT;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Answers are counted per step or option (a chart), rather than listed or summed. */
    public boolean counted() {
        return this == AGREEMENT_SCALE || hasOptions();
    }
}
