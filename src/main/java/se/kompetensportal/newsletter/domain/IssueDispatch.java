package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an issue that is being sent to the outbox, one batch per transaction: the issue's row is locked, the next
 * confirmed subscribers after the cursor get their copy, and the cursor moves on in the same transaction, so a batch
 * is written once or not at all (and a mail's dedup key stops a second copy even then). The persistence context is
 * cleared after each batch, so memory stays flat however many subscribers there are.
 */
@Service
public class IssueDispatch {

    private final IssueRepository issues;
    private final SubscriberRepository subscribers;
    private final IssueContents content;
    private final NewsletterMails mails;
    private final NewsletterProperties properties;
    private final EntityManager entityManager;
    private final Clock clock;

    IssueDispatch(IssueRepository issues, SubscriberRepository subscribers, IssueContents content,
            NewsletterMails mails, NewsletterProperties properties, EntityManager entityManager, Clock clock) {
        this.issues = issues;
        this.subscribers = subscribers;
        this.content = content;
        this.mails = mails;
        this.properties = properties;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The issues being sent. */
    @Transactional(readOnly = true)
    public List<Long> sending() {
        return issues.sendingIds();
    }

    /** Writes the issue's next batch; returns whether more remain. */
    @Transactional
    public boolean nextBatch(long issueId) {
        Issue issue = issues.lockById(issueId).orElse(null);
        if (issue == null || issue.getStatus() != IssueStatus.SENDING) {
            return false;
        }
        IssueContent text = content.content(issue, false);
        List<Subscriber> batch = subscribers.confirmedAfter(issue.getProjectId(), issue.getCursorSubscriberId(),
                properties.batchSize());
        int queued = batch.isEmpty() ? 0 : mails.issue(text, batch);
        boolean more = batch.size() == properties.batchSize();
        if (!batch.isEmpty()) {
            issue.queuedBatch(queued, batch.getLast().getId());
        }
        if (!more) {
            issue.sent(clock.instant());
        }
        entityManager.flush();
        entityManager.clear();
        return more;
    }
}
