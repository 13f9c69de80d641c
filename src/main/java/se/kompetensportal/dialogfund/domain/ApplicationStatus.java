package se.kompetensportal.dialogfund.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application is: the applicant's draft; submitted (with a reference number); being reviewed; granted or
 * rejected; carried out (its final report approved). Message key {@code dialogfund.status.<NAME>}.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, GRANTED, REJECTED, CARRIED_OUT;

    /** Statuses in which a decision can be recorded. */
    public static final Set<ApplicationStatus> AWAITING_DECISION = EnumSet.of(SUBMITTED, UNDER_REVIEW);

    public boolean isGranted() {
        return this == GRANTED || this == CARRIED_OUT;
    }

    public boolean isAwaitingDecision() {
        return AWAITING_DECISION.contains(this);
    }
}
