package se.kompetensportal.actors.domain;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The bytes of a plan's attached document, kept apart so that plans load without them. */
@Entity
@Table(name = "actor_plan_document")
public class ActorPlanDocument {

    @EmbeddedId
    private ActorPlanKey id;

    private byte[] content;

    protected ActorPlanDocument() {
    }

    ActorPlanDocument(ActorPlanKey id, byte[] content) {
        this.id = id;
        this.content = content;
    }

    void replace(byte[] content) {
        this.content = content;
    }

    public byte[] getContent() { return content; }
}
