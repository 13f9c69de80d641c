package se.kompetensportal.newsletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.knowledge.KnowledgeApi.KnowledgeSummary;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.web.Formats;

/**
 * What a draft issue lists: filled by the portal from the activities that open in its window and the knowledge items
 * published since the last issue, and cleared of those no longer published before it is sent. Runs inside the
 * callers' transactions ({@link IssueService}).
 */
@Component
class IssueDrafts {

    private final IssueRepository issues;
    private final IssueItemRepository items;
    private final ActivityListings activities;
    private final KnowledgeApi knowledge;
    private final NewsletterProperties properties;
    private final MessageSource messages;
    private final Formats formats;

    IssueDrafts(IssueRepository issues, IssueItemRepository items, ActivityListings activities, KnowledgeApi knowledge,
            NewsletterProperties properties, MessageSource messages, Formats formats) {
        this.issues = issues;
        this.items = items;
        this.activities = activities;
        this.knowledge = knowledge;
        this.properties = properties;
        this.messages = messages;
        this.formats = formats;
    }

    /**
     * Fills a draft: the published activities that open in its window (their first session or their registration) by
     * track, and the knowledge items published since the last issue was sent (or within the window's length).
     */
    void fill(Issue issue, ProjectInfo project, Instant now) {
        int position = 0;
        for (ListedActivity a : activities.opening(project.id(), issue.getWindowFrom(), issue.getWindowTo())) {
            items.save(new IssueItem(issue.getId(), ItemKind.ACTIVITY, ++position, a.trackId(), a.id(),
                    cut(a.title(), 200), when(a), null, opening(a, issue), a.path()));
        }
        Instant since = issues.findByProjectIdAndStatusOrderByNumberDesc(project.id(), IssueStatus.SENT).stream()
                .map(Issue::getSentAt).findFirst().orElse(now.minus(properties.window()));
        position = 0;
        for (KnowledgeSummary k : knowledge.publishedBetween(project.id(), since, now)) {
            items.save(new IssueItem(issue.getId(), ItemKind.KNOWLEDGE, ++position, k.trackId(), k.id(),
                    cut(k.title(), 200), null, cut(k.authors(), 200), cut(k.summary(), 1000), k.path()));
        }
    }

    /** Removes items whose activity or knowledge item is no longer published. */
    void dropUnpublished(Issue issue) {
        List<IssueItem> all = items.findByIssueIdOrderByKindAscPositionAsc(issue.getId());
        Set<Long> activityIds = all.stream().filter(i -> i.getKind() == ItemKind.ACTIVITY).map(IssueItem::getRefId)
                .collect(Collectors.toSet());
        Set<Long> knowledgeIds = all.stream().filter(i -> i.getKind() == ItemKind.KNOWLEDGE).map(IssueItem::getRefId)
                .collect(Collectors.toSet());
        Set<Long> stillActivities = Set.copyOf(activities.stillPublished(activityIds));
        Set<Long> stillKnowledge = knowledge.published(knowledgeIds).stream().map(KnowledgeSummary::id)
                .collect(Collectors.toSet());
        for (IssueItem i : all) {
            if ((i.getKind() == ItemKind.ACTIVITY && !stillActivities.contains(i.getRefId()))
                    || (i.getKind() == ItemKind.KNOWLEDGE && !stillKnowledge.contains(i.getRefId()))) {
                items.delete(i);
            }
        }
    }

    private String when(ListedActivity a) {
        String date = formats.date(a.firstStart());
        return a.place() == null ? date : date + ", " + a.place();
    }

    private String opening(ListedActivity a, Issue issue) {
        if (a.registrationOpens() != null && !a.registrationOpens().isBefore(issue.getWindowFrom())
                && a.registrationOpens().isBefore(issue.getWindowTo())) {
            return messages.getMessage("newsletter.draft.registrationOpens",
                    new Object[] {formats.date(a.registrationOpens())}, Locale.of("sv"));
        }
        return null;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
