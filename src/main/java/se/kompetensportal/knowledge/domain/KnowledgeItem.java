package se.kompetensportal.knowledge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.shared.web.BusinessRuleException;

/**
 * An item of the knowledge bank. Its text is Markdown, rendered safely ({@link se.kompetensportal.shared.web.Markdown})
 * wherever it is shown. It goes draft → in review → published; a published item may be taken back to draft, and keeps
 * the date it was first published (which the indicators count).
 */
@Entity
@Table(name = "knowledge_item")
public class KnowledgeItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_item_seq")
    @SequenceGenerator(name = "knowledge_item_seq", sequenceName = "knowledge_item_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private Long trackId;
    @Enumerated(EnumType.STRING)
    private KnowledgeKind kind;
    private String title;
    private String summary;
    private String body = "";
    private String authors;
    @Enumerated(EnumType.STRING)
    private Licence licence = Licence.CC_BY_4_0;
    @Enumerated(EnumType.STRING)
    private ItemStatus status = ItemStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    private SourceKind sourceKind;
    private Long sourceId;
    private String consentGivenBy;
    private LocalDate consentGivenOn;
    private String consentNote;
    private Long consentRecordedBy;
    private Instant consentRecordedAt;

    private Long createdBy;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private Long submittedBy;
    private Instant submittedAt;
    private String reviewComment;
    private Long publishedBy;
    private Instant firstPublishedAt;
    private Instant publishedAt;

    @ElementCollection
    @CollectionTable(name = "knowledge_video", joinColumns = @JoinColumn(name = "item_id"))
    @OrderColumn(name = "position")
    private List<VideoLink> videos = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "knowledge_activity", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "activity_id")
    private Set<Long> activityIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected KnowledgeItem() {
    }

    public KnowledgeItem(long projectId, Long createdBy) {
        this.projectId = projectId;
        this.createdBy = createdBy;
    }

    /** Takes the form's values (the project's tracks and activities are checked by the service). */
    public void apply(KnowledgeForm f, Instant now) {
        kind = f.kind();
        trackId = f.trackId();
        title = f.title().strip();
        summary = f.summary().strip();
        body = f.body() == null ? "" : f.body().strip();
        authors = f.authors().strip();
        licence = f.licence();
        videos.clear();
        f.filledVideos().forEach(v -> videos.add(new VideoLink(v.title().strip(), v.url().strip())));
        activityIds.clear();
        activityIds.addAll(f.chosenActivityIds());
        updatedAt = now;
    }

    /** Records where the text came from and who allowed it to be published, and when. */
    public void recordSource(SourceKind kind, long id, String givenBy, LocalDate givenOn, String note, long recordedBy,
            Instant now) {
        sourceKind = kind;
        sourceId = id;
        consentGivenBy = givenBy.strip();
        consentGivenOn = givenOn;
        consentNote = note == null || note.isBlank() ? null : note.strip();
        consentRecordedBy = recordedBy;
        consentRecordedAt = now;
    }

    public void submit(long userId, Instant now) {
        if (status != ItemStatus.DRAFT) {
            throw new BusinessRuleException("knowledge.workflow.notDraft");
        }
        status = ItemStatus.IN_REVIEW;
        submittedBy = userId;
        submittedAt = now;
        reviewComment = null;
    }

    /** Publishes an item in review, or (for staff in a hurry) a draft straight away. */
    public void publish(long userId, Instant now) {
        if (status == ItemStatus.PUBLISHED) {
            throw new BusinessRuleException("knowledge.workflow.alreadyPublished");
        }
        status = ItemStatus.PUBLISHED;
        publishedBy = userId;
        publishedAt = now;
        if (firstPublishedAt == null) {
            firstPublishedAt = now;
        }
        reviewComment = null;
    }

    /** Sends an item in review back to its author with a comment. */
    public void returnToDraft(String comment) {
        if (status != ItemStatus.IN_REVIEW) {
            throw new BusinessRuleException("knowledge.workflow.notInReview");
        }
        status = ItemStatus.DRAFT;
        reviewComment = comment.strip();
    }

    /** Takes a published item off the public pages; it becomes a draft again. */
    public void unpublish() {
        if (status != ItemStatus.PUBLISHED) {
            throw new BusinessRuleException("knowledge.workflow.notPublished");
        }
        status = ItemStatus.DRAFT;
        publishedAt = null;
    }

    /** Notes a change made beside the form (a file added). */
    public void touch(Instant now) {
        updatedAt = now;
    }

    public boolean isPublished() {
        return status == ItemStatus.PUBLISHED;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public Long getTrackId() { return trackId; }
    public KnowledgeKind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public String getAuthors() { return authors; }
    public Licence getLicence() { return licence; }
    public ItemStatus getStatus() { return status; }
    public SourceKind getSourceKind() { return sourceKind; }
    public Long getSourceId() { return sourceId; }
    public String getConsentGivenBy() { return consentGivenBy; }
    public LocalDate getConsentGivenOn() { return consentGivenOn; }
    public String getConsentNote() { return consentNote; }
    public Long getConsentRecordedBy() { return consentRecordedBy; }
    public Instant getConsentRecordedAt() { return consentRecordedAt; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getReviewComment() { return reviewComment; }
    public Instant getFirstPublishedAt() { return firstPublishedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public List<VideoLink> getVideos() { return videos; }
    public Set<Long> getActivityIds() { return activityIds; }
    public long getVersion() { return version; }
}
