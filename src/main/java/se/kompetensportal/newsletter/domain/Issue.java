package se.kompetensportal.newsletter.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.shared.web.BusinessRuleException;

/**
 * One issue of a project's newsletter. While a draft, the secretary edits its subject, intro and items; when sent it is
 * written to the outbox in batches, subscriber by subscriber in id order ({@code cursorSubscriberId}), so that a run
 * that stops half way goes on where it stopped, and becomes part of the project's public archive.
 */
@Entity
@Table(name = "newsletter_issue")
public class Issue {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletter_issue_seq")
    @SequenceGenerator(name = "newsletter_issue_seq", sequenceName = "newsletter_issue_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private int number;
    private String subject;
    private String intro = "";
    @Enumerated(EnumType.STRING)
    private IssueStatus status = IssueStatus.DRAFT;
    private Instant windowFrom;
    private Instant windowTo;
    private Long createdBy;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private Long sendRequestedBy;
    private Instant sendRequestedAt;
    private Integer recipients;
    private int queued;
    private long cursorSubscriberId;
    private Instant sentAt;

    @Version
    private long version;

    protected Issue() {
    }

    public Issue(long projectId, int number, String subject, String intro, Instant windowFrom, Instant windowTo,
            Long createdBy) {
        this.projectId = projectId;
        this.number = number;
        this.subject = subject;
        this.intro = intro;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.createdBy = createdBy;
    }

    public void edit(String subject, String intro, Instant now) {
        requireDraft();
        this.subject = subject.strip();
        this.intro = intro == null ? "" : intro.strip();
        updatedAt = now;
    }

    public void requireDraft() {
        if (status != IssueStatus.DRAFT) {
            throw new BusinessRuleException("newsletter.issue.notDraft");
        }
    }

    /** Starts sending to the project's confirmed subscribers (counted now, for the progress bar). */
    public void startSending(long userId, int recipients, Instant now) {
        requireDraft();
        status = IssueStatus.SENDING;
        sendRequestedBy = userId;
        sendRequestedAt = now;
        this.recipients = recipients;
    }

    /** Records a batch written to the outbox: how many, and the last subscriber reached. */
    void queuedBatch(int count, long lastSubscriberId) {
        queued += count;
        cursorSubscriberId = lastSubscriberId;
    }

    void sent(Instant now) {
        status = IssueStatus.SENT;
        sentAt = now;
    }

    /** For demo data: an issue sent in the past. */
    public void markSentAt(Instant at, int recipients) {
        status = IssueStatus.SENT;
        sendRequestedAt = at;
        sentAt = at;
        this.recipients = recipients;
        queued = recipients;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getNumber() { return number; }
    public String getSubject() { return subject; }
    public String getIntro() { return intro; }
    public IssueStatus getStatus() { return status; }
    public Instant getWindowFrom() { return windowFrom; }
    public Instant getWindowTo() { return windowTo; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSendRequestedAt() { return sendRequestedAt; }
    public Integer getRecipients() { return recipients; }
    public int getQueued() { return queued; }
    public long getCursorSubscriberId() { return cursorSubscriberId; }
    public Instant getSentAt() { return sentAt; }
    public long getVersion() { return version; }
}
