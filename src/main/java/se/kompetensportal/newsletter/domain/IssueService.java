package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.notifications.DeliveryCounts;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
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

    /** An issue as its edit page shows it (the form carries subject and intro). */
    public record IssueView(long id, long projectId, int number, IssueStatus status, long version) {
    }

    /** One item of an issue, as the edit page lists it. */
    public record ItemRow(long id, ItemKind kind, String title, String whenText, String organiser) {
    }

    private final IssueRepository issues;
    private final IssueItemRepository items;
    private final SubscriberRepository subscribers;
    private final ProjectsApi projects;
    private final NewsletterMails mails;
    private final Outbox outbox;
    private final NewsletterProperties properties;
    private final MessageSource messages;
    private final IssueContents contents;
    private final IssueDrafts drafts;
    private final Clock clock;

    IssueService(IssueRepository issues, IssueItemRepository items, SubscriberRepository subscribers,
            ProjectsApi projects, NewsletterMails mails, Outbox outbox, NewsletterProperties properties,
            MessageSource messages, IssueContents contents, IssueDrafts drafts, Clock clock) {
        this.contents = contents;
        this.drafts = drafts;
        this.issues = issues;
        this.items = items;
        this.subscribers = subscribers;
        this.projects = projects;
        this.mails = mails;
        this.outbox = outbox;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects(PortalUser user) {
        return projects.projects().stream().filter(p -> user.canManageProject(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public Overview overview(PortalUser user, long projectId) {
        user.requireManage(projectId);
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
    public Issue issue(PortalUser user, long issueId) {
        Issue issue = issues.findById(issueId).orElseThrow(() -> new NotFoundException("Issue", issueId));
        user.requireManage(issue.getProjectId());
        return issue;
    }

    @Transactional(readOnly = true)
    public List<ItemRow> items(PortalUser user, long issueId) {
        issue(user, issueId);
        return items.findByIssueIdOrderByKindAscPositionAsc(issueId).stream()
                .map(i -> new ItemRow(i.getId(), i.getKind(), i.getTitle(), i.getWhenText(), i.getOrganiser())).toList();
    }

    /** A new draft, filled by the portal. */
    public long createDraft(PortalUser user, long projectId, Locale locale) {
        user.requireManage(projectId);
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
        drafts.fill(issue, project, now);
        return issue.getId();
    }

    public void editText(PortalUser user, long issueId, TextForm form) {
        Issue issue = issue(user, issueId);
        if (issue.getVersion() != form.version()) {
            throw new ConcurrentEditException("Issue", issueId);
        }
        issue.edit(form.subject(), form.intro(), clock.instant());
        issues.flush();
    }

    public void addExternal(PortalUser user, long issueId, ExternalForm form) {
        Issue issue = issue(user, issueId);
        issue.requireDraft();
        items.save(new IssueItem(issueId, ItemKind.EXTERNAL, items.maxPosition(issueId, ItemKind.EXTERNAL) + 1, null,
                null, form.title().strip(), blankToNull(form.when()), blankToNull(form.organiser()),
                blankToNull(form.description()), blankToNull(form.url())));
        issue.edit(issue.getSubject(), issue.getIntro(), clock.instant());
    }

    public void removeItem(PortalUser user, long issueId, long itemId) {
        Issue issue = issue(user, issueId);
        issue.requireDraft();
        items.findById(itemId).filter(i -> i.getIssueId() == issueId).ifPresent(items::delete);
    }

    /** Deletes a draft (a sent issue belongs to the archive). Returns the project's id. */
    public long deleteDraft(PortalUser user, long issueId) {
        Issue issue = issue(user, issueId);
        issue.requireDraft();
        issues.delete(issue);
        return issue.getProjectId();
    }

    /** The issue as it reads, for the preview; activities no longer published are left out. */
    @Transactional(readOnly = true)
    public IssueContent preview(PortalUser user, long issueId) {
        return content(issue(user, issueId), true);
    }

    /** Mails the issue as it stands to the user, marked as a test. */
    public String sendTest(PortalUser user, long issueId, Locale locale) {
        Issue issue = issue(user, issueId);
        mails.test(content(issue, true), user.email(), locale);
        return user.email();
    }

    /**
     * Starts sending: activities no longer published drop out, the confirmed subscribers are counted, and the
     * dispatch job takes it from there. Sending nothing (no subscriber) still archives the issue.
     */
    public void startSending(PortalUser user, long issueId, long version) {
        Issue issue = issue(user, issueId);
        if (issue.getVersion() != version) {
            throw new ConcurrentEditException("Issue", issueId);
        }
        issue.requireDraft();
        drafts.dropUnpublished(issue);
        int recipients = (int) subscribers.countConfirmed(issue.getProjectId());
        issue.startSending(user.id(), recipients, clock.instant());
    }

    @Transactional(readOnly = true)
    public Progress progress(PortalUser user, long issueId) {
        Issue issue = issue(user, issueId);
        int recipients = issue.getRecipients() == null ? 0 : issue.getRecipients();
        return new Progress(issue.getStatus(), Math.max(recipients, issue.getQueued()), issue.getQueued(),
                outbox.deliveries(NewsletterMails.dedupPrefix(issueId)));
    }

    IssueContent content(Issue issue, boolean checkPublished) {
        return contents.content(issue, checkPublished);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
