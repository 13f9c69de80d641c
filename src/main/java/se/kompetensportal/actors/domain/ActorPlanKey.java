package se.kompetensportal.actors.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A plan is one per project and organisation. */
@Embeddable
public class ActorPlanKey implements Serializable {

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "organisation_id")
    private long organisationId;

    protected ActorPlanKey() {
    }

    public ActorPlanKey(long projectId, long organisationId) {
        this.projectId = projectId;
        this.organisationId = organisationId;
    }

    public long projectId() { return projectId; }
    public long organisationId() { return organisationId; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActorPlanKey k && k.projectId == projectId && k.organisationId == organisationId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, organisationId);
    }
}
