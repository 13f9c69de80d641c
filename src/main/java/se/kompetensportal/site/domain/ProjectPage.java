package se.kompetensportal.site.domain;

import java.util.List;

import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.indicators.PublishedIndicators.PublicResult;
import se.kompetensportal.knowledge.KnowledgeApi.KnowledgeSummary;
import se.kompetensportal.newsletter.NewsletterApi.SentIssue;
import se.kompetensportal.projects.PublicProjects.PublicActor;
import se.kompetensportal.projects.PublicProjects.PublicProject;
import se.kompetensportal.projects.PublicProjects.PublicTrack;

/** Everything a project's public page shows. */
public record ProjectPage(PublicProject project, List<PublicTrack> tracks, List<PublicActor> actors,
        List<Upcoming> activities, List<PublicResult> results, List<KnowledgeSummary> knowledge,
        List<SentIssue> newsletters) {

    /** A coming activity with its track's name. */
    public record Upcoming(ListedActivity activity, String track) {
    }

    public String descriptionHtml() {
        return se.kompetensportal.shared.web.PlainText.toHtml(project.description());
    }

    public String euStatementKey() {
        return project.euFunding().showsEmblem() ? "euFunding.statement." + project.euFunding().name() : null;
    }
}
