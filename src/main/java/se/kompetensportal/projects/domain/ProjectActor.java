package se.kompetensportal.projects.domain;

import java.io.Serializable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.kompetensportal.projects.ActorRole;

/** An organisation's part in one project. */
@Entity
@Table(name = "project_actor")
public class ProjectActor {

    @EmbeddedId
    private Key id;

    @Enumerated(EnumType.STRING)
    private ActorRole role;

    protected ProjectActor() {
    }

    public ProjectActor(long projectId, long organisationId, ActorRole role) {
        this.id = new Key(projectId, organisationId);
        this.role = role;
    }

    public Key getId() { return id; }
    public ActorRole getRole() { return role; }
    public void setRole(ActorRole role) { this.role = role; }

    @Embeddable
    public record Key(long projectId, long organisationId) implements Serializable {
    }
}
