package se.kompetensportal.actors.domain;

import java.util.List;

import se.kompetensportal.projects.ProjectInfo;

/** The actors of a project and their plans, for the project's staff. */
public record ProjectPlans(ProjectInfo project, List<PlanRow> rows) {

    public long filed() {
        return rows.stream().filter(PlanRow::filed).count();
    }

    public List<PlanRow> withPlan() {
        return rows.stream().filter(PlanRow::filed).toList();
    }

    public List<PlanRow> withoutPlan() {
        return rows.stream().filter(r -> !r.filed()).toList();
    }
}
