package se.kompetensportal.surveys.domain;

/**
 * What a survey is for. A course evaluation belongs to one activity and goes to those who attended it; a follow-up goes
 * to the same people a number of months after the activity's last session; a mapping (kompetenskartläggning) asks the
 * actors' staff and target groups about their needs before training is planned; an ad-hoc survey is anything else.
 * Message key {@code survey.kind.<NAME>}.
 */
public enum SurveyKind {
    COURSE_EVALUATION,
    MAPPING,
    FOLLOW_UP,
    AD_HOC;

    /** The survey belongs to an activity and its attendees are the recipients. */
    public boolean ofActivity() {
        return this == COURSE_EVALUATION || this == FOLLOW_UP;
    }

    /** Recipients are chosen by the secretary (from the register, an uploaded list or open links). */
    public boolean chosenRecipients() {
        return this == MAPPING || this == AD_HOC;
    }
}
