package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.knowledge.KnowledgeApi.KnowledgeSummary;
import se.kompetensportal.notifications.DeliveryCounts;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's newsletter: issues of the projects they manage. A new issue is a draft the portal fills (the
 * project's activities that open in the coming weeks by track, the knowledge items published since the last issue, a
 * short intro); the secretary edits it, adds other actors' activities, previews it and sends a test, then sends it:
 * the dispatch job writes it to the outbox in batches while a progress bar follows.
 */
@Service
@Transactional
public class IssueService {

    /** The subject and intro as the secretary edits them. */
    public record TextForm(@NotBlank @Size(max = 200) String subject, @Size(max = 10_000) String intro, long version) {
    }

    /** Another actor's activity, entered by hand. */
    public record ExternalForm(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 100) String when,
            @Size(max = 200) String organiser,
            @Size(max = 1000) String description,
            @Size(max = 500) @Pattern(regexp = "^$|^https?://[^\\s<>\"]+$", message = "{newsletter.external.url.pattern}") String url) {

        public static ExternalForm empty() {
            return new ExternalForm("", "", "", "", "");
        }
    }

    /** One row of the secretary's list of issues. */
    public record Row(long id, int number, String subject, IssueStatus status, Instant updatedAt, Instant sentAt,
            Integer recipients) {
    }

    /** How far the sending has come: written to the outbox, and what the outbox has done with them. */
    public record Progress(IssueStatus status, int recipients, int queued, DeliveryCounts deliveries) {

        public int percentQueued() {
            return recipients == 0 ? 100 : Math.min(100, Math.round(100f * queued / recipients));
        }
    }

    /** The page of the newsletter of a project: issues, subscriber counts, and whether it is time for the next. */
    public record Overview(ProjectInfo project, List<Row> issues, long confirmed, long pending, boolean reminderDue,
            Instant lastSentAt) {
    }

    private final IssueRepository issues;
    private final IssueItemRepository items;
    private final SubscriberRepository subscribers;
    private final ProjectsApi projects;
    private final ActivityListings activities;
    private final KnowledgeApi knowledge;
    private final NewsletterMails mails;
    private final Outbox outbox;
    private final NewsletterProperties properties;
    private final MessageSource messages;
    private final Formats formats;
    private final IssueContents contents;
    private final Clock clock;

    IssueService(IssueRepository issues, IssueItemRepository items, SubscriberRepository subscribers,
            ProjectsApi projects, ActivityListings activities, KnowledgeApi knowledge,
            NewsletterMails mails, Outbox outbox, NewsletterProperties properties, MessageSource messages,
            Formats formats, IssueContents contents, Clock clock) {
        this.contents = contents;
        this.issues = issues;
        this.items = items;
        this.subscribers = subscribers;
        this.projects = projects;
        this.activities = activities;
        this.knowledge = knowledge;
        this.mails = mails;
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects() {
        PortalUser user = CurrentUser.require();
        return projects.projects().stream().filter(p -> user.canManageProject(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public Overview overview(long projectId) {
        CurrentUser.requireManage(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<Issue> all = issues.findByProjectIdOrderByNumberDesc(projectId);
        Instant lastSent = all.stream().map(Issue::getSentAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        boolean due = lastSent != null && !lastSent.plus(properties.interval()).isAfter(clock.instant())
                && all.stream().noneMatch(i -> i.getStatus() != IssueStatus.SENT);
        return new Overview(project, all.stream().map(i -> new Row(i.getId(), i.getNumber(), i.getSubject(),
                i.getStatus(), i.getUpdatedAt(), i.getSentAt(), i.getRecipients())).toList(),
                subscribers.countConfirmed(projectId), subscribers.countPending(projectId), due, lastSent);
    }

    /** The issue, once the user is known to manage its project. */
    @Transactional(readOnly = true)
    public Issue issue(long issueId) {
        Issue issue = issues.findById(issueId).orElseThrow(() -> new NotFoundException("Issue", issueId));
        CurrentUser.requireManage(issue.getProjectId());
        return issue;
    }

    @Transactional(readOnly = true)
    public List<IssueItem> items(long issueId) {
        issue(issueId);
        return items.findByIssueIdOrderByKindAscPositionAsc(issueId);
    }

    /** A new draft, filled by the portal. */
    public long createDraft(long projectId, Locale locale) {
        PortalUser user = CurrentUser.requireManage(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        if (issues.existsByProjectIdAndStatus(projectId, IssueStatus.DRAFT)) {
            throw new BusinessRuleException("newsletter.issue.draftExists");
        }
        Instant now = clock.instant();
        Instant to = now.plus(properties.window());
        int number = issues.maxNumber(projectId) + 1;
        String subject = messages.getMessage("newsletter.draft.subject", new Object[] {project.shortName(), number},
                locale);
        String intro = messages.getMessage("newsletter.draft.intro", new Object[] {project.name()}, locale);
        Issue issue = issues.save(new Issue(projectId, number, subject, intro, now, to, user.id()));
        fill(issue, project, now);
        return issue.getId();
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

    public void editText(long issueId, TextForm form) {
        Issue issue = issue(issueId);
        if (issue.getVersion() != form.version()) {
            throw new ConcurrentEditException("Issue", issueId);
        }
        issue.edit(form.subject(), form.intro(), clock.instant());
        issues.flush();
    }

    public void addExternal(long issueId, ExternalForm form) {
        Issue issue = issue(issueId);
        issue.requireDraft();
        items.save(new IssueItem(issueId, ItemKind.EXTERNAL, items.maxPosition(issueId, ItemKind.EXTERNAL) + 1, null,
                null, form.title().strip(), blankToNull(form.when()), blankToNull(form.organiser()),
                blankToNull(form.description()), blankToNull(form.url())));
        issue.edit(issue.getSubject(), issue.getIntro(), clock.instant());
    }

    public void removeItem(long issueId, long itemId) {
        Issue issue = issue(issueId);
        issue.requireDraft();
        items.findById(itemId).filter(i -> i.getIssueId() == issueId).ifPresent(items::delete);
    }

    /** Deletes a draft (a sent issue belongs to the archive). Returns the project's id. */
    public long deleteDraft(long issueId) {
        Issue issue = issue(issueId);
        issue.requireDraft();
        issues.delete(issue);
        return issue.getProjectId();
    }

    /** The issue as it reads, for the preview; activities no longer published are left out. */
    @Transactional(readOnly = true)
    public IssueContent preview(long issueId) {
        return content(issue(issueId), true);
    }

    /** Mails the issue as it stands to the signed-in user, marked as a test. */
    public String sendTest(long issueId, Locale locale) {
        Issue issue = issue(issueId);
        PortalUser user = CurrentUser.require();
        mails.test(content(issue, true), user.email(), locale);
        return user.email();
    }

    /**
     * Starts sending: activities no longer published drop out, the confirmed subscribers are counted, and the
     * dispatch job takes it from there. Sending nothing (no subscriber) still archives the issue.
     */
    public void startSending(long issueId, long version) {
        Issue issue = issue(issueId);
        if (issue.getVersion() != version) {
            throw new ConcurrentEditException("Issue", issueId);
        }
        issue.requireDraft();
        dropUnpublished(issue);
        int recipients = (int) subscribers.countConfirmed(issue.getProjectId());
        issue.startSending(CurrentUser.require().id(), recipients, clock.instant());
    }

    @Transactional(readOnly = true)
    public Progress progress(long issueId) {
        Issue issue = issue(issueId);
        int recipients = issue.getRecipients() == null ? 0 : issue.getRecipients();
        return new Progress(issue.getStatus(), Math.max(recipients, issue.getQueued()), issue.getQueued(),
                outbox.deliveries(NewsletterMails.dedupPrefix(issueId)));
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

    IssueContent content(Issue issue, boolean checkPublished) {
        return contents.content(issue, checkPublished);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
