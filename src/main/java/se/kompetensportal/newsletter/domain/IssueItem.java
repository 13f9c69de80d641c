package se.kompetensportal.newsletter.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One entry of an issue, copied when the draft is filled so that the issue keeps saying what it said when it was
 * sent: an activity of the project (by track), another actor's activity, or a new knowledge item.
 */
@Entity
@Table(name = "newsletter_item")
public class IssueItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletter_item_seq")
    @SequenceGenerator(name = "newsletter_item_seq", sequenceName = "newsletter_item_seq", allocationSize = 50)
    private Long id;

    private long issueId;
    @Enumerated(EnumType.STRING)
    private ItemKind kind;
    private int position;
    private Long trackId;
    private Long refId;
    private String title;
    private String whenText;
    private String organiser;
    private String description;
    private String url;

    protected IssueItem() {
    }

    public IssueItem(long issueId, ItemKind kind, int position, Long trackId, Long refId, String title, String whenText,
            String organiser, String description, String url) {
        this.issueId = issueId;
        this.kind = kind;
        this.position = position;
        this.trackId = trackId;
        this.refId = refId;
        this.title = title;
        this.whenText = whenText;
        this.organiser = organiser;
        this.description = description;
        this.url = url;
    }

    public Long getId() { return id; }
    public long getIssueId() { return issueId; }
    public ItemKind getKind() { return kind; }
    public int getPosition() { return position; }
    public Long getTrackId() { return trackId; }
    public Long getRefId() { return refId; }
    public String getTitle() { return title; }
    public String getWhenText() { return whenText; }
    public String getOrganiser() { return organiser; }
    public String getDescription() { return description; }
    public String getUrl() { return url; }
}
