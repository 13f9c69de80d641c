package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A collaboration project (Delmål 2 micro project) between authorities and non-profit organisations, usually born at
 * a collaboration forum: an idea, then developed, then carried out.
 */
@Entity
@Table(name = "collaboration_project")
public class CollaborationProject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collaboration_project_seq")
    @SequenceGenerator(name = "collaboration_project_seq", sequenceName = "collaboration_project_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private String title;
    private String description;
    private Long forumActivityId;
    @Enumerated(EnumType.STRING)
    private CollaborationStatus status;
    private LocalDate startedOn;
    private LocalDate developedOn;
    private LocalDate carriedOutOn;

    @ElementCollection
    @CollectionTable(name = "collaboration_project_partner", joinColumns = @JoinColumn(name = "collaboration_project_id"))
    @Column(name = "organisation_id")
    private Set<Long> partnerIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected CollaborationProject() {
    }

    public CollaborationProject(long projectId) {
        this.projectId = projectId;
    }

    public void apply(CollaborationForm f) {
        title = f.title().strip();
        description = f.description() == null || f.description().isBlank() ? null : f.description().strip();
        forumActivityId = f.forumActivityId();
        status = f.status();
        startedOn = f.startedOn();
        developedOn = status == CollaborationStatus.IDEA ? null : f.developedOn();
        carriedOutOn = status == CollaborationStatus.CARRIED_OUT ? f.carriedOutOn() : null;
        partnerIds.clear();
        partnerIds.addAll(f.partnerIds());
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Long getForumActivityId() { return forumActivityId; }
    public CollaborationStatus getStatus() { return status; }
    public LocalDate getStartedOn() { return startedOn; }
    public LocalDate getDevelopedOn() { return developedOn; }
    public LocalDate getCarriedOutOn() { return carriedOutOn; }
    public Set<Long> getPartnerIds() { return partnerIds; }
    public long getVersion() { return version; }
}
