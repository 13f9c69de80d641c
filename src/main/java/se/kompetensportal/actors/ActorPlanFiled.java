package se.kompetensportal.actors;

/**
 * An actor filed its plan for further work in a project, or updated the plan it had filed (Delmål 3: every actor has a
 * plan). Published in the transaction that saves the plan.
 */
public record ActorPlanFiled(long projectId, long organisationId) {
}
