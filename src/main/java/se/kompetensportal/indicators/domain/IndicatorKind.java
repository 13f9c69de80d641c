package se.kompetensportal.indicators.domain;

/**
 * What an indicator measures and where its value comes from. All but {@link #MANUAL} are computed from the portal's own
 * data by aggregate queries of the module that owns it. Message key {@code indicator.kind.<NAME>}.
 */
public enum IndicatorKind {
    /** Distinct persons who attended at least one session (persons, not seats). */
    UNIQUE_PARTICIPANTS(Unit.PERSONS),
    /** Share of one gender among the women and men who took part. Parameter: the gender. */
    PARTICIPANT_GENDER_SHARE(Unit.PERCENT),
    /** Share of one gender among the women and men who trained (trainers counted once by name). */
    TRAINER_GENDER_SHARE(Unit.PERCENT),
    /** Share of the respondents agreeing with an evaluation statement (web and paper). Parameter: the statement key. */
    EVALUATION_STATEMENT(Unit.PERCENT),
    /**
     * Share of the respondents to follow-up surveys agreeing with a follow-up statement (such as FU_APPLYING, "I use
     * what I learned at work"). Parameters: the statement key, and optionally a track (the follow-ups of its activities).
     */
    FOLLOW_UP_STATEMENT(Unit.PERCENT),
    /** Completed activities of a kind (cancelled ones never count). Parameter: the activity kind. */
    ACTIVITIES_HELD(Unit.COUNT),
    /** Collaboration projects developed (developed or carried out). */
    COLLABORATION_PROJECTS_DEVELOPED(Unit.COUNT),
    /** Collaboration projects carried out. */
    COLLABORATION_PROJECTS_CARRIED_OUT(Unit.COUNT),
    /** Applications received by the dialog fund. */
    DIALOG_FUND_APPLICATIONS(Unit.COUNT),
    /** Applications granted by the dialog fund (those carried out included). */
    DIALOG_FUND_GRANTED(Unit.COUNT),
    /** Granted applications carried out and reported. */
    DIALOG_FUND_CARRIED_OUT(Unit.COUNT),
    /** Share of the project's actors that have filed a plan for their further work. */
    ACTORS_WITH_PLAN(Unit.PERCENT),
    /** Participants' confirmed hours: whole hours per person and month. */
    PARTICIPANT_HOURS(Unit.HOURS),
    /** The hours valued at the funder's unit cost of each year (co-financing through participation). */
    CO_FINANCING_VALUE(Unit.SEK),
    /** Knowledge items published in the knowledge bank. Optional parameter: the track (all tracks when none). */
    KNOWLEDGE_ITEMS_PUBLISHED(Unit.COUNT),
    /** Newsletter issues sent. */
    NEWSLETTERS_SENT(Unit.COUNT),
    /** Confirmed newsletter subscribers at the end of the period (a level, not a sum). */
    NEWSLETTER_SUBSCRIBERS(Unit.PERSONS),
    /** A value the secretary enters by hand, with a date and a note. */
    MANUAL(Unit.COUNT);

    /** How a value is shown. Message key {@code indicator.unit.<NAME>}. */
    public enum Unit { PERSONS, COUNT, PERCENT, HOURS, SEK }

    private final Unit unit;

    IndicatorKind(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /** A share (0–100 %), compared with SHARE_AT_LEAST or SHARE_BETWEEN; the others are sums, compared AT_LEAST. */
    public boolean isShare() {
        return unit == Unit.PERCENT;
    }

    /** The kinds that need a parameter: which activity kind, statement or gender they are about. */
    public boolean needsActivityKind() {
        return this == ACTIVITIES_HELD;
    }

    public boolean needsStatementKey() {
        return this == EVALUATION_STATEMENT || this == FOLLOW_UP_STATEMENT;
    }

    /** The kinds that may be limited to one thematic track. */
    public boolean takesTrack() {
        return this == FOLLOW_UP_STATEMENT || this == KNOWLEDGE_ITEMS_PUBLISHED;
    }

    /**
     * Whether the value may be shown on the public project page: hours and money are the project's accounts towards
     * the funder, not results to publish.
     */
    public boolean publishable() {
        return unit != Unit.HOURS && unit != Unit.SEK;
    }

    public boolean needsGender() {
        return this == PARTICIPANT_GENDER_SHARE || this == TRAINER_GENDER_SHARE;
    }
}
