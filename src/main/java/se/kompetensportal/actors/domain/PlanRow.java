package se.kompetensportal.actors.domain;

import se.kompetensportal.projects.OrganisationInfo;

/** An actor of a project in the staff's list of plans, with its plan or {@code null} when it has filed none. */
public record PlanRow(OrganisationInfo organisation, PlanView plan) {

    public boolean filed() {
        return plan != null && plan.filedAt() != null;
    }
}
