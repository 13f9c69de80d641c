package se.kompetensportal.site.domain;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.indicators.PublishedIndicators;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.newsletter.NewsletterApi;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.projects.PublicProjects.PublicProject;
import se.kompetensportal.projects.PublicProjects.PublicTrack;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Gathers a project's public page and the anonymous start page from the owning modules' public APIs. Nothing here is
 * personal: published activities, aggregates the secretary chose to publish (small groups suppressed), published
 * knowledge items and sent newsletters.
 */
@Service
@Transactional(readOnly = true)
public class ProjectPages {

    static final int ACTIVITIES = 8;
    static final int KNOWLEDGE = 6;

    /** The anonymous start page: the projects and the next activities anywhere. */
    public record Start(List<PublicProject> projects, List<ProjectPage.Upcoming> activities,
            Map<Long, String> projectNames) {
    }

    private final PublicProjects projects;
    private final ActivityListings activities;
    private final PublishedIndicators results;
    private final KnowledgeApi knowledge;
    private final NewsletterApi newsletters;
    private final Clock clock;

    ProjectPages(PublicProjects projects, ActivityListings activities, PublishedIndicators results,
            KnowledgeApi knowledge, NewsletterApi newsletters, Clock clock) {
        this.projects = projects;
        this.activities = activities;
        this.results = results;
        this.knowledge = knowledge;
        this.newsletters = newsletters;
        this.clock = clock;
    }

    public ProjectPage page(String slug, Locale locale) {
        PublicProject project = projects.bySlug(slug).orElseThrow(() -> new NotFoundException("Project", slug));
        List<PublicTrack> tracks = projects.tracks(project.id());
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(PublicTrack::id, PublicTrack::name));
        return new ProjectPage(project, tracks, projects.actors(project.id()),
                activities.upcoming(List.of(project.id()), clock.instant(), ACTIVITIES).stream()
                        .map(a -> new ProjectPage.Upcoming(a, trackNames.get(a.trackId()))).toList(),
                results.of(project.id(), locale), knowledge.latest(project.id(), KNOWLEDGE),
                newsletters.archive(project.id(), project.slug()));
    }

    public Start start() {
        List<PublicProject> all = projects.projects();
        return new Start(all, activities.upcoming(null, clock.instant(), 6).stream()
                .map(a -> new ProjectPage.Upcoming(a, null)).toList(),
                all.stream().collect(Collectors.toMap(PublicProject::id, PublicProject::shortName)));
    }
}
