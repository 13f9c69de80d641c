package se.kompetensportal.knowledge.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.dialogfund.FinalReports;
import se.kompetensportal.dialogfund.FinalReports.ApprovedReport;
import se.kompetensportal.indicators.CollaborationProjects;
import se.kompetensportal.indicators.CollaborationProjects.Collaboration;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The staff side of the knowledge bank: a project's administrators and secretaries write, review and publish its
 * items, and make items from dialog-fund final reports and collaboration projects once the consent to publish is
 * recorded. Every method checks that the user manages the item's project.
 */
@Service
@Transactional
public class KnowledgeService {

    /** One row of the staff list. */
    public record Row(long id, String title, KnowledgeKind kind, String track, ItemStatus status, Instant updatedAt,
            Instant publishedAt, SourceKind source) {
    }

    /** What the form offers: the project's tracks and the activities an item may link to. */
    public record Options(List<TrackInfo> tracks, List<ListedActivity> activities) {
    }

    /** Reports and collaboration projects of the project that no item has been made from yet. */
    public record Sources(List<ApprovedReport> reports, List<Collaboration> collaborations) {
    }

    private final KnowledgeItemRepository items;
    private final KnowledgeAttachmentRepository attachments;
    private final KnowledgeFileContentRepository contents;
    private final ProjectsApi projects;
    private final ActivityListings activities;
    private final FinalReports finalReports;
    private final CollaborationProjects collaborations;
    private final MessageSource messages;
    private final Clock clock;

    KnowledgeService(KnowledgeItemRepository items, KnowledgeAttachmentRepository attachments,
            KnowledgeFileContentRepository contents, ProjectsApi projects, ActivityListings activities,
            FinalReports finalReports, CollaborationProjects collaborations, MessageSource messages, Clock clock) {
        this.items = items;
        this.attachments = attachments;
        this.contents = contents;
        this.projects = projects;
        this.activities = activities;
        this.finalReports = finalReports;
        this.collaborations = collaborations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The projects the user may keep a knowledge bank for. */
    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects() {
        PortalUser user = CurrentUser.require();
        return projects.projects().stream().filter(p -> user.canManageProject(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public ProjectInfo project(long projectId) {
        CurrentUser.requireManage(projectId);
        return projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    @Transactional(readOnly = true)
    public List<Row> list(long projectId, ItemStatus status) {
        CurrentUser.requireManage(projectId);
        Map<Long, String> tracks = projects.tracks(projectId).stream()
                .collect(Collectors.toMap(TrackInfo::id, t -> t.position() + ". " + t.name()));
        return items.staffList(projectId, status).stream()
                .map(r -> new Row(r.id(), r.title(), r.kind(), r.trackId() == null ? null : tracks.get(r.trackId()),
                        r.status(), r.updatedAt(), r.publishedAt(), r.sourceKind()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Options options(long projectId) {
        CurrentUser.requireManage(projectId);
        return new Options(projects.tracks(projectId), activities.linkable(projectId));
    }

    /** The item, once the user is known to manage its project. */
    @Transactional(readOnly = true)
    public KnowledgeItem item(long itemId) {
        KnowledgeItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("KnowledgeItem", itemId));
        CurrentUser.requireManage(item.getProjectId());
        // The editor and the preview read these after the transaction.
        org.hibernate.Hibernate.initialize(item.getVideos());
        org.hibernate.Hibernate.initialize(item.getActivityIds());
        return item;
    }

    @Transactional(readOnly = true)
    public List<KnowledgeAttachment> attachments(long itemId) {
        item(itemId);
        return attachments.findByItemIdOrderById(itemId);
    }

    public long create(long projectId, KnowledgeForm form) {
        PortalUser user = CurrentUser.requireManage(projectId);
        project(projectId);
        check(projectId, form);
        KnowledgeItem item = new KnowledgeItem(projectId, user.id());
        item.apply(form, clock.instant());
        return items.save(item).getId();
    }

    public void update(long itemId, KnowledgeForm form) {
        KnowledgeItem item = item(itemId);
        if (item.getVersion() != form.version()) {
            throw new ConcurrentEditException("KnowledgeItem", itemId);
        }
        check(item.getProjectId(), form);
        item.apply(form, clock.instant());
        items.flush();
    }

    public void submit(long itemId) {
        item(itemId).submit(CurrentUser.require().id(), clock.instant());
    }

    public void publish(long itemId) {
        item(itemId).publish(CurrentUser.require().id(), clock.instant());
    }

    public void returnToDraft(long itemId, String comment) {
        if (comment == null || comment.isBlank() || comment.length() > 2000) {
            throw new BusinessRuleException("knowledge.workflow.commentRequired");
        }
        item(itemId).returnToDraft(comment);
    }

    public void unpublish(long itemId) {
        item(itemId).unpublish();
    }

    /** Deletes a draft; a published item must be taken back first. Returns the project's id. */
    public long delete(long itemId) {
        KnowledgeItem item = item(itemId);
        if (item.isPublished()) {
            throw new BusinessRuleException("knowledge.delete.published");
        }
        items.delete(item);
        return item.getProjectId();
    }

    /** Stores a checked file with its summary; returns the attachment's id. */
    public long addAttachment(long itemId, String originalName, byte[] content, String summary) {
        KnowledgeItem item = item(itemId);
        if (summary == null || summary.isBlank()) {
            throw new FieldRejectedException("summary", "knowledge.attachment.summary.required");
        }
        if (summary.length() > 2000) {
            throw new FieldRejectedException("summary", "knowledge.attachment.summary.tooLong");
        }
        if (attachments.countByItemId(itemId) >= KnowledgeFiles.MAX_FILES) {
            throw new FieldRejectedException("file", "knowledge.attachment.tooMany", KnowledgeFiles.MAX_FILES);
        }
        KnowledgeFiles.Checked file = KnowledgeFiles.check(originalName, content, item.getTitle());
        KnowledgeAttachment attachment = attachments.save(new KnowledgeAttachment(itemId, file.name(),
                file.kind().contentType(), content.length, summary.strip()));
        contents.save(new KnowledgeFileContent(attachment.getId(), content));
        item.touch(clock.instant());
        return attachment.getId();
    }

    public void deleteAttachment(long itemId, long attachmentId) {
        item(itemId);
        attachments.findByIdAndItemId(attachmentId, itemId).ifPresent(attachments::delete);
    }

    @Transactional(readOnly = true)
    public KnowledgeFiles.Download download(long itemId, long attachmentId) {
        item(itemId);
        KnowledgeAttachment a = attachments.findByIdAndItemId(attachmentId, itemId)
                .orElseThrow(() -> new NotFoundException("KnowledgeAttachment", attachmentId));
        return new KnowledgeFiles.Download(a.getFilename(), a.getContentType(),
                contents.findById(a.getId()).orElseThrow().getContent());
    }

    /** The project's approved final reports and developed collaboration projects that no item was made from. */
    @Transactional(readOnly = true)
    public Sources sources(long projectId) {
        CurrentUser.requireManage(projectId);
        Set<Long> usedReports = Set.copyOf(items.sourceIds(projectId, SourceKind.FINAL_REPORT));
        Set<Long> usedCollaborations = Set.copyOf(items.sourceIds(projectId, SourceKind.COLLABORATION));
        return new Sources(
                finalReports.approved(projectId).stream().filter(r -> !usedReports.contains(r.applicationId()))
                        .toList(),
                collaborations.developed(projectId).stream().filter(c -> !usedCollaborations.contains(c.id()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public ApprovedReport report(long projectId, long applicationId) {
        CurrentUser.requireManage(projectId);
        return finalReports.approved(projectId, applicationId)
                .orElseThrow(() -> new NotFoundException("FinalReport", applicationId));
    }

    @Transactional(readOnly = true)
    public Collaboration collaboration(long projectId, long collaborationId) {
        CurrentUser.requireManage(projectId);
        return collaborations.developed(projectId, collaborationId)
                .orElseThrow(() -> new NotFoundException("Collaboration", collaborationId));
    }

    /**
     * A draft good example made from an approved final report, with the consent recorded. Its text is the report's, for
     * the secretary to edit before review.
     */
    public long createFromReport(long projectId, long applicationId, ConsentForm consent, Locale locale) {
        PortalUser user = CurrentUser.requireManage(projectId);
        ApprovedReport r = report(projectId, applicationId);
        if (items.existsBySourceKindAndSourceId(SourceKind.FINAL_REPORT, applicationId)) {
            throw new BusinessRuleException("knowledge.source.used");
        }
        String body = "## " + text("knowledge.source.report.about", locale) + "\n\n" + nullToEmpty(r.description())
                + "\n\n## " + text("knowledge.source.report.outcome", locale) + "\n\n" + nullToEmpty(r.summary())
                + "\n\n" + messages.getMessage("knowledge.source.report.facts", new Object[] {
                        r.organisationName(), String.valueOf(r.heldOn()), r.participants(), r.reference()}, locale);
        KnowledgeForm form = new KnowledgeForm(KnowledgeKind.GOOD_EXAMPLE, null, cut(r.title(), 200),
                cut(firstParagraph(r.summary()), 600), body, cut(r.organisationName(), 500), Licence.CC_BY_4_0, null,
                null, 0);
        return createFromSource(projectId, form, SourceKind.FINAL_REPORT, applicationId, consent, user);
    }

    /** A draft good example made from a developed or carried-out collaboration project, with the consent recorded. */
    public long createFromCollaboration(long projectId, long collaborationId, ConsentForm consent, Locale locale) {
        PortalUser user = CurrentUser.requireManage(projectId);
        Collaboration c = collaboration(projectId, collaborationId);
        if (items.existsBySourceKindAndSourceId(SourceKind.COLLABORATION, collaborationId)) {
            throw new BusinessRuleException("knowledge.source.used");
        }
        String partners = String.join(", ", c.partners());
        String body = nullToEmpty(c.description()) + "\n\n" + messages.getMessage(
                c.carriedOut() ? "knowledge.source.collaboration.carriedOut" : "knowledge.source.collaboration.developed",
                new Object[] {partners, String.valueOf(c.carriedOut() ? c.carriedOutOn() : c.developedOn())}, locale);
        String summary = c.description() == null || c.description().isBlank() ? c.title() : firstParagraph(c.description());
        KnowledgeForm form = new KnowledgeForm(KnowledgeKind.GOOD_EXAMPLE, null, cut(c.title(), 200), cut(summary, 600),
                body, cut(partners.isBlank() ? c.title() : partners, 500), Licence.CC_BY_4_0, null, null, 0);
        return createFromSource(projectId, form, SourceKind.COLLABORATION, collaborationId, consent, user);
    }

    private long createFromSource(long projectId, KnowledgeForm form, SourceKind kind, long sourceId,
            ConsentForm consent, PortalUser user) {
        if (!Boolean.TRUE.equals(consent.confirmed())) {
            throw new FieldRejectedException("confirmed", "knowledge.consent.confirmed.required");
        }
        Instant now = clock.instant();
        KnowledgeItem item = new KnowledgeItem(projectId, user.id());
        item.apply(form, now);
        item.recordSource(kind, sourceId, consent.givenBy(), consent.givenOn(), consent.note(), user.id(), now);
        return items.save(item).getId();
    }

    /** The track and the linked activities must be the project's own (public) ones. */
    private void check(long projectId, KnowledgeForm form) {
        if (form.trackId() != null
                && projects.track(form.trackId()).filter(t -> t.projectId() == projectId).isEmpty()) {
            throw new FieldRejectedException("trackId", "knowledge.track.unknown");
        }
        for (KnowledgeForm.VideoForm v : form.filledVideos()) {
            if (v.title() == null || v.title().isBlank() || v.url() == null || v.url().isBlank()) {
                throw new FieldRejectedException("videos", "knowledge.video.incomplete");
            }
        }
        if (!form.chosenActivityIds().isEmpty()) {
            Set<Long> linkable = activities.publicActivities(form.chosenActivityIds()).stream()
                    .filter(a -> a.projectId() == projectId).map(ListedActivity::id).collect(Collectors.toSet());
            if (!linkable.containsAll(form.chosenActivityIds())) {
                throw new FieldRejectedException("activityIds", "knowledge.activities.unknown");
            }
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String firstParagraph(String text) {
        if (text == null) {
            return "";
        }
        String first = text.strip().split("\\R\\s*\\R", 2)[0].strip();
        return first.isEmpty() ? text.strip() : first;
    }

    static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1).strip() + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
