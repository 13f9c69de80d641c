package se.kompetensportal.knowledge.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The staff side of the knowledge bank: a project's administrators and secretaries write, review and publish its
 * items (their files are {@link KnowledgeAttachments}; items made from dialog-fund final reports and collaboration
 * projects {@link KnowledgeSources}). Every method checks that the given user manages the item's project.
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

    private final KnowledgeItemRepository items;
    private final ProjectsApi projects;
    private final ActivityListings activities;
    private final Clock clock;

    KnowledgeService(KnowledgeItemRepository items, ProjectsApi projects, ActivityListings activities, Clock clock) {
        this.items = items;
        this.projects = projects;
        this.activities = activities;
        this.clock = clock;
    }

    /** The projects the user may keep a knowledge bank for. */
    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects(PortalUser user) {
        return projects.projects().stream().filter(p -> user.canManageProject(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public ProjectInfo project(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    @Transactional(readOnly = true)
    public List<Row> list(PortalUser user, long projectId, ItemStatus status) {
        user.requireManage(projectId);
        Map<Long, String> tracks = projects.tracks(projectId).stream()
                .collect(Collectors.toMap(TrackInfo::id, t -> t.position() + ". " + t.name()));
        return items.staffList(projectId, status).stream()
                .map(r -> new Row(r.id(), r.title(), r.kind(), r.trackId() == null ? null : tracks.get(r.trackId()),
                        r.status(), r.updatedAt(), r.publishedAt(), r.sourceKind()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Options options(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return new Options(projects.tracks(projectId), activities.linkable(projectId));
    }

    /** The item, once the user is known to manage its project. */
    @Transactional(readOnly = true)
    public KnowledgeItem item(PortalUser user, long itemId) {
        KnowledgeItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("KnowledgeItem", itemId));
        user.requireManage(item.getProjectId());
        // The editor and the preview read these after the transaction.
        org.hibernate.Hibernate.initialize(item.getVideos());
        org.hibernate.Hibernate.initialize(item.getActivityIds());
        return item;
    }

    public long create(PortalUser user, long projectId, KnowledgeForm form) {
        user.requireManage(projectId);
        project(user, projectId);
        check(projectId, form);
        KnowledgeItem item = new KnowledgeItem(projectId, user.id());
        item.apply(form, clock.instant());
        return items.save(item).getId();
    }

    public void update(PortalUser user, long itemId, KnowledgeForm form) {
        KnowledgeItem item = item(user, itemId);
        if (item.getVersion() != form.version()) {
            throw new ConcurrentEditException("KnowledgeItem", itemId);
        }
        check(item.getProjectId(), form);
        item.apply(form, clock.instant());
        items.flush();
    }

    public void submit(PortalUser user, long itemId) {
        item(user, itemId).submit(user.id(), clock.instant());
    }

    public void publish(PortalUser user, long itemId) {
        item(user, itemId).publish(user.id(), clock.instant());
    }

    public void returnToDraft(PortalUser user, long itemId, String comment) {
        if (comment == null || comment.isBlank() || comment.length() > 2000) {
            throw new BusinessRuleException("knowledge.workflow.commentRequired");
        }
        item(user, itemId).returnToDraft(comment);
    }

    public void unpublish(PortalUser user, long itemId) {
        item(user, itemId).unpublish();
    }

    /** Deletes a draft; a published item must be taken back first. Returns the project's id. */
    public long delete(PortalUser user, long itemId) {
        KnowledgeItem item = item(user, itemId);
        if (item.isPublished()) {
            throw new BusinessRuleException("knowledge.delete.published");
        }
        items.delete(item);
        return item.getProjectId();
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
}
