package se.kompetensportal.knowledge.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Markdown;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.Slugs;

/**
 * The public knowledge bank: published items only, filtered by project, track and kind, searched in Swedish (stemmed,
 * ranked: title before summary and authors before text), and each item's page with its files, films and activities.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeCatalogue {

    public static final int PAGE_SIZE = 20;

    /** An item as lists, feeds and other modules show it. */
    public record PublicItem(long id, long projectId, String projectShortName, Long trackId, String trackName,
            KnowledgeKind kind, String title, String summary, String authors, Instant publishedAt,
            Instant updatedAt, String path) {
    }

    /** A file as the item's page lists it; the summary is what the file says, for those who cannot open it. */
    public record PublicAttachment(long id, String filename, String contentType, long sizeBytes, String summary,
            String path) {

        public String summaryHtml() {
            return se.kompetensportal.shared.web.PlainText.toHtml(summary);
        }
    }

    /** An item's public page. */
    public record Details(PublicItem item, String projectName, String projectSlug, String bodyHtml, Licence licence,
            List<VideoLink> videos, List<PublicAttachment> attachments, List<ListedActivity> activities,
            SourceKind source, String consentGivenBy) {
    }

    /** What the filters offer: the projects and tracks that have published items. */
    public record Facets(List<ProjectInfo> projects, List<TrackInfo> tracks) {
    }

    private final EntityManager entityManager;
    private final KnowledgeItemRepository items;
    private final KnowledgeAttachmentRepository attachments;
    private final KnowledgeFileContentRepository contents;
    private final ProjectsApi projects;
    private final ActivityListings activities;
    private final PublicProjects publicProjects;

    KnowledgeCatalogue(EntityManager entityManager, KnowledgeItemRepository items,
            KnowledgeAttachmentRepository attachments, KnowledgeFileContentRepository contents, ProjectsApi projects,
            ActivityListings activities, PublicProjects publicProjects) {
        this.publicProjects = publicProjects;
        this.entityManager = entityManager;
        this.items = items;
        this.attachments = attachments;
        this.contents = contents;
        this.projects = projects;
        this.activities = activities;
    }

    public static String path(long id, String title) {
        String slug = Slugs.of(title);
        return "/knowledge/" + id + (slug.isEmpty() ? "" : "-" + slug);
    }

    public Facets facets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select distinct project_id, track_id from knowledge_item where status = 'PUBLISHED'").getResultList();
        List<Long> projectIds = rows.stream().map(r -> ((Number) r[0]).longValue()).distinct().toList();
        List<Long> trackIds = rows.stream().filter(r -> r[1] != null).map(r -> ((Number) r[1]).longValue()).toList();
        return new Facets(projects.projects(projectIds),
                projects.tracks(projectIds).stream().filter(t -> trackIds.contains(t.id())).toList());
    }

    /** Published items matching the filter: the best matches first when searching, otherwise the latest first. */
    public Page<PublicItem> search(KnowledgeFilter filter, int page) {
        return search(filter, page, PAGE_SIZE);
    }

    private Page<PublicItem> search(KnowledgeFilter filter, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" where i.status = 'PUBLISHED'");
        Map<String, Object> params = new HashMap<>();
        if (filter.project() != null) {
            where.append(" and i.project_id = :project");
            params.put("project", filter.project());
        }
        if (filter.track() != null) {
            where.append(" and i.track_id = :track");
            params.put("track", filter.track());
        }
        if (filter.kind() != null) {
            where.append(" and i.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        String order = " order by i.published_at desc, i.id desc";
        if (filter.query() != null) {
            where.append(" and i.search_vector @@ websearch_to_tsquery('swedish', :q)");
            params.put("q", filter.query());
            order = " order by ts_rank(i.search_vector, websearch_to_tsquery('swedish', :q)) desc, i.published_at desc,"
                    + " i.id desc";
        }
        Query count = entityManager.createNativeQuery("select count(*) from knowledge_item i" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        int pageNumber = Math.max(0, Math.min(page, (int) Math.max(0, (total - 1) / pageSize)));
        if (total == 0) {
            return new PageImpl<>(List.of(), PageRequest.of(0, pageSize), 0);
        }
        Query rows = entityManager.createNativeQuery("""
                select i.id, i.project_id, i.track_id, i.kind, i.title, i.summary, i.authors, i.published_at,
                       i.updated_at
                from knowledge_item i""" + where + order + " limit :limit offset :offset");
        params.forEach(rows::setParameter);
        rows.setParameter("limit", pageSize).setParameter("offset", pageNumber * pageSize);
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        List<PublicItem> list = publicItems(result.stream().map(r -> new RawItem(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), r[2] == null ? null : ((Number) r[2]).longValue(),
                KnowledgeKind.valueOf((String) r[3]), (String) r[4], (String) r[5], (String) r[6], instant(r[7]),
                instant(r[8]))).toList());
        return new PageImpl<>(list, PageRequest.of(pageNumber, pageSize), total);
    }

    /** The latest published items of the project (all projects when null), for the feed and the project page. */
    public List<PublicItem> latest(Long projectId, Long trackId, int limit) {
        KnowledgeFilter filter = new KnowledgeFilter(projectId, trackId, null, null);
        return search(filter, 0, limit).getContent();
    }

    public Details details(long itemId) {
        KnowledgeItem item = items.findByIdAndStatus(itemId, ItemStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("KnowledgeItem", itemId));
        return details(item);
    }

    /** An item's page as it will look, for its staff (the caller checks who may see a draft). */
    public Details details(KnowledgeItem item) {
        ProjectInfo project = projects.project(item.getProjectId()).orElseThrow();
        PublicItem view = publicItems(List.of(raw(item))).getFirst();
        List<PublicAttachment> files = attachments.findByItemIdOrderById(item.getId()).stream()
                .map(a -> new PublicAttachment(a.getId(), a.getFilename(), a.getContentType(), a.getSizeBytes(),
                        a.getSummary(), "/knowledge/" + item.getId() + "/files/" + a.getId()))
                .toList();
        List<ListedActivity> linked = new ArrayList<>(activities.publicActivities(item.getActivityIds()));
        linked.sort(java.util.Comparator.comparing(ListedActivity::firstStart,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return new Details(view, project.name(), slugOf(project.id()), Markdown.toHtml(item.getBody()),
                item.getLicence(), List.copyOf(item.getVideos()), files, linked, item.getSourceKind(),
                item.getConsentGivenBy());
    }

    /** A published item's file. */
    public KnowledgeFiles.Download file(long itemId, long attachmentId) {
        items.findByIdAndStatus(itemId, ItemStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("KnowledgeItem", itemId));
        KnowledgeAttachment a = attachments.findByIdAndItemId(attachmentId, itemId)
                .orElseThrow(() -> new NotFoundException("KnowledgeAttachment", attachmentId));
        return new KnowledgeFiles.Download(a.getFilename(), a.getContentType(),
                contents.findById(a.getId()).orElseThrow().getContent());
    }

    /** Published items as lists show them (one query for the projects' names and one for their tracks). */
    List<PublicItem> publicItemsOf(List<KnowledgeItem> list) {
        return publicItems(list.stream().map(KnowledgeCatalogue::raw).toList());
    }

    private String slugOf(long projectId) {
        return publicProjects.byId(projectId).map(PublicProjects.PublicProject::slug).orElse("");
    }

    private record RawItem(long id, long projectId, Long trackId, KnowledgeKind kind, String title, String summary,
            String authors, Instant publishedAt, Instant updatedAt) {
    }

    private static RawItem raw(KnowledgeItem i) {
        return new RawItem(i.getId(), i.getProjectId(), i.getTrackId(), i.getKind(), i.getTitle(), i.getSummary(),
                i.getAuthors(), i.getPublishedAt(), i.getUpdatedAt());
    }

    private List<PublicItem> publicItems(List<RawItem> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        List<Long> projectIds = raw.stream().map(RawItem::projectId).distinct().toList();
        Map<Long, ProjectInfo> projectById = projects.projects(projectIds).stream()
                .collect(Collectors.toMap(ProjectInfo::id, Function.identity()));
        Map<Long, String> trackNames = projects.tracks(projectIds).stream()
                .collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        return raw.stream().map(r -> new PublicItem(r.id(), r.projectId(),
                projectById.containsKey(r.projectId()) ? projectById.get(r.projectId()).shortName() : "",
                r.trackId(), r.trackId() == null ? null : trackNames.get(r.trackId()), r.kind(), r.title(),
                r.summary(), r.authors(), r.publishedAt(), r.updatedAt(), path(r.id(), r.title()))).toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a timestamp: " + value.getClass());
        };
    }
}
