package se.kompetensportal.surveys;

/**
 * Counts over a project's evaluations.
 *
 * @param evaluations evaluations sent to participants
 * @param invitations invitations sent (people asked to answer on the web)
 * @param webResponses responses given through an invitation's link
 * @param paperResponses responses typed in from paper forms
 */
public record EvaluationTotals(long evaluations, long invitations, long webResponses, long paperResponses) {

    public long responses() {
        return webResponses + paperResponses;
    }

    /** Share of invitations answered on the web, in percent, or {@code null} when nobody was invited. */
    public Double webResponsePercent() {
        return invitations == 0 ? null : 100.0 * webResponses / invitations;
    }
}
