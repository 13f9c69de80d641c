package se.kompetensportal.newsletter.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.knowledge.KnowledgeApi.KnowledgeSummary;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.projects.PublicProjects.PublicProject;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Markdown;

/** Builds an issue's content from its items, in the caller's transaction (the preview, the archive, each batch). */
@Component
public class IssueContents {

    private final IssueItemRepository items;
    private final ProjectsApi projects;
    private final PublicProjects publicProjects;
    private final ActivityListings activities;
    private final KnowledgeApi knowledge;

    IssueContents(IssueItemRepository items, ProjectsApi projects, PublicProjects publicProjects,
            ActivityListings activities, KnowledgeApi knowledge) {
        this.items = items;
        this.projects = projects;
        this.publicProjects = publicProjects;
        this.activities = activities;
        this.knowledge = knowledge;
    }

    /** The issue as it reads; for a draft, activities and knowledge items no longer published are left out. */
    public IssueContent content(Issue issue, boolean checkPublished) {
        PublicProject project = publicProjects.byId(issue.getProjectId()).orElseThrow();
        List<IssueItem> all = items.findByIssueIdOrderByKindAscPositionAsc(issue.getId());
        Set<Long> liveActivities = null;
        Set<Long> liveKnowledge = null;
        if (checkPublished && issue.getStatus() == IssueStatus.DRAFT) {
            liveActivities = Set.copyOf(activities.stillPublished(all.stream()
                    .filter(i -> i.getKind() == ItemKind.ACTIVITY).map(IssueItem::getRefId).toList()));
            liveKnowledge = knowledge.published(all.stream().filter(i -> i.getKind() == ItemKind.KNOWLEDGE)
                    .map(IssueItem::getRefId).toList()).stream().map(KnowledgeSummary::id).collect(Collectors.toSet());
        }
        Map<Long, TrackInfo> tracks = projects.tracks(issue.getProjectId()).stream()
                .collect(Collectors.toMap(TrackInfo::id, Function.identity()));
        Map<Long, List<IssueContent.Entry>> byTrack = new LinkedHashMap<>();
        tracks.values().stream().sorted(java.util.Comparator.comparingInt(TrackInfo::position))
                .forEach(t -> byTrack.put(t.id(), new ArrayList<>()));
        List<IssueContent.Entry> noTrack = new ArrayList<>();
        List<IssueContent.Entry> external = new ArrayList<>();
        List<IssueContent.Entry> knowledgeEntries = new ArrayList<>();
        for (IssueItem i : all) {
            IssueContent.Entry e = new IssueContent.Entry(i.getId(), i.getTitle(), i.getWhenText(), i.getOrganiser(),
                    i.getDescription(), i.getUrl());
            switch (i.getKind()) {
                case ACTIVITY -> {
                    if (liveActivities == null || liveActivities.contains(i.getRefId())) {
                        byTrack.getOrDefault(i.getTrackId() == null ? -1L : i.getTrackId(), noTrack).add(e);
                    }
                }
                case EXTERNAL -> external.add(e);
                case KNOWLEDGE -> {
                    if (liveKnowledge == null || liveKnowledge.contains(i.getRefId())) {
                        knowledgeEntries.add(e);
                    }
                }
            }
        }
        List<IssueContent.Section> sections = new ArrayList<>();
        byTrack.forEach((trackId, entries) -> {
            if (!entries.isEmpty()) {
                TrackInfo t = tracks.get(trackId);
                sections.add(new IssueContent.Section(t.position() + ". " + t.name(), entries));
            }
        });
        if (!noTrack.isEmpty()) {
            sections.add(new IssueContent.Section(null, noTrack));
        }
        return new IssueContent(issue.getId(), project.id(), project.name(), project.shortName(), project.slug(),
                issue.getNumber(), issue.getSubject(), issue.getSentAt(), Markdown.toHtml(issue.getIntro()),
                Markdown.toPlainText(issue.getIntro()), sections, external, knowledgeEntries,
                project.euFunding().showsEmblem() ? "euFunding.statement." + project.euFunding().name() : null);
    }

}
