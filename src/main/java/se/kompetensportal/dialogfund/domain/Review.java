package se.kompetensportal.dialogfund.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One reviewer's assessment of one application: a score from 1 to 5 per criterion, and a comment. */
@Entity
@Table(name = "dialog_review")
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_review_seq")
    @SequenceGenerator(name = "dialog_review_seq", sequenceName = "dialog_review_seq", allocationSize = 50)
    private Long id;

    private long applicationId;
    private long reviewerId;
    private String comment;
    private Instant updatedAt = Instant.now();

    @ElementCollection
    @CollectionTable(name = "dialog_review_score", joinColumns = @JoinColumn(name = "review_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "score")
    private Map<Long, Integer> scores = new HashMap<>();

    @Version
    private long version;

    protected Review() {
    }

    public Review(long applicationId, long reviewerId) {
        this.applicationId = applicationId;
        this.reviewerId = reviewerId;
    }

    public void update(Map<Long, Integer> newScores, String comment, Instant now) {
        scores.clear();
        scores.putAll(newScores);
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public long getApplicationId() { return applicationId; }
    public long getReviewerId() { return reviewerId; }
    public String getComment() { return comment; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Map<Long, Integer> getScores() { return scores; }
    public long getVersion() { return version; }
}
