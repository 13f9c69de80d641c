package se.kompetensportal.newsletter.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.shared.web.NotFoundException;

/** The public archive: a sent issue's web version, by the project's address and the issue's number. */
@Service
@Transactional(readOnly = true)
public class NewsletterArchive {

    private final PublicProjects projects;
    private final IssueRepository issues;
    private final IssueContents contents;

    NewsletterArchive(PublicProjects projects, IssueRepository issues, IssueContents contents) {
        this.projects = projects;
        this.issues = issues;
        this.contents = contents;
    }

    public IssueContent issue(String slug, int number) {
        long projectId = projects.bySlug(slug).orElseThrow(() -> new NotFoundException("Project", slug)).id();
        Issue issue = issues.findByProjectIdAndNumberAndStatus(projectId, number, IssueStatus.SENT)
                .orElseThrow(() -> new NotFoundException("Issue", number));
        return contents.content(issue, false);
    }
}
