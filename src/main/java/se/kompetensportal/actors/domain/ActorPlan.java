package se.kompetensportal.actors.domain;

import java.time.Instant;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An actor's plan for its further work in a project: the text, who filed it first and when, who changed it last, and
 * the attached document's name, type and size (its bytes are in {@link ActorPlanDocument}).
 */
@Entity
@Table(name = "actor_plan")
public class ActorPlan {

    @EmbeddedId
    private ActorPlanKey id;

    private String planText;
    private Instant filedAt;
    private Long filedBy;
    private Instant updatedAt;
    private Long updatedBy;
    private String documentFilename;
    private String documentType;
    private Integer documentSize;
    private Instant documentUploadedAt;

    @Version
    private Long version;

    protected ActorPlan() {
    }

    ActorPlan(long projectId, long organisationId, String planText, long userId, Instant at) {
        this.id = new ActorPlanKey(projectId, organisationId);
        this.planText = planText;
        this.filedAt = at;
        this.filedBy = userId;
        this.updatedAt = at;
        this.updatedBy = userId;
    }

    void update(String planText, long userId, Instant at) {
        this.planText = planText;
        this.updatedAt = at;
        this.updatedBy = userId;
        if (filedAt == null) {
            filedAt = at;
            filedBy = userId;
        }
    }

    void attach(String filename, String contentType, int size, Instant at) {
        documentFilename = filename;
        documentType = contentType;
        documentSize = size;
        documentUploadedAt = at;
    }

    void detach() {
        documentFilename = null;
        documentType = null;
        documentSize = null;
        documentUploadedAt = null;
    }

    public ActorPlanKey getId() { return id; }
    public long getProjectId() { return id.projectId(); }
    public long getOrganisationId() { return id.organisationId(); }
    public String getPlanText() { return planText; }
    public Instant getFiledAt() { return filedAt; }
    public Long getFiledBy() { return filedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Long getUpdatedBy() { return updatedBy; }
    public String getDocumentFilename() { return documentFilename; }
    public String getDocumentType() { return documentType; }
    public Integer getDocumentSize() { return documentSize; }
    public Instant getDocumentUploadedAt() { return documentUploadedAt; }
    public Long getVersion() { return version; }
    public boolean hasDocument() { return documentFilename != null; }
}
