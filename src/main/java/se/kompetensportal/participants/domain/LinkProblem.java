package se.kompetensportal.participants.domain;

/**
 * Why a link from a participant's mail (an offer, a colleague, a manager's approval) cannot be used: the page explains
 * it with the HTTP status given (404 unknown, 409 no longer possible because of what someone else did, 410 expired).
 */
public class LinkProblem extends RuntimeException {

    private final int status;
    private final String reason;

    public LinkProblem(int status, String reason) {
        super(reason);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** A message key: {@code link.problem.<reason>}. */
    public String reason() {
        return reason;
    }
}
