package se.kompetensportal.newsletter;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.newsletter.domain.IssueRepository;
import se.kompetensportal.newsletter.domain.IssueStatus;

/** What other modules may ask of the newsletter (the public project page): the archive of sent issues. */
@Service
@Transactional(readOnly = true)
public class NewsletterApi {

    /** A sent issue, with its public web version. */
    public record SentIssue(long id, int number, String subject, Instant sentAt, String path) {
    }

    private final IssueRepository issues;

    NewsletterApi(IssueRepository issues) {
        this.issues = issues;
    }

    /** The project's sent issues, the latest first; {@code slug} is the project's address segment. */
    public List<SentIssue> archive(long projectId, String slug) {
        return issues.findByProjectIdAndStatusOrderByNumberDesc(projectId, IssueStatus.SENT).stream()
                .map(i -> new SentIssue(i.getId(), i.getNumber(), i.getSubject(), i.getSentAt(),
                        "/projects/" + slug + "/newsletters/" + i.getNumber()))
                .toList();
    }
}
