package se.kompetensportal.projects;

/**
 * Under which EU rules a project is co-funded, which decides what its public pages, newsletters and documents must say
 * beside the EU emblem. Message keys {@code euFunding.<NAME>} (the form's choice) and {@code euFunding.statement.<NAME>}
 * (the statement itself, in the funder's own wording).
 */
public enum EuFunding {
    /** Not EU-funded: no emblem, no statement. */
    NONE,
    /**
     * The European Social Fund, programme period 2014–2020 (Regulation 1303/2013 and Implementing Regulation 821/2014):
     * the emblem in colour, visible without scrolling, "Europeiska unionen" written out, and the fund named on the same
     * site.
     */
    ESF_2014_2020,
    /**
     * The European Social Fund Plus, 2021–2027 (Regulation 2021/1060, articles 47 and 50 and Annex IX): the emblem with
     * "Co-funded by the European Union" written out beside it, on websites and their mobile view.
     */
    ESF_PLUS;

    public boolean showsEmblem() {
        return this != NONE;
    }
}
