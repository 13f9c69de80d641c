package se.kompetensportal.activities.domain;

import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The public catalogue: published activities that have not ended, and an archive of those that have. A page costs a
 * fixed number of queries whatever it lists: the activity change counter, what the filters offer (four, remembered
 * while activities are unchanged: {@link CatalogueFacets}), the count, the page, and the page's target groups.
 */
@Service
public class CatalogueService {

    public static final int PAGE_SIZE = 20;
    static final Collator SWEDISH = Collator.getInstance(Locale.of("sv"));

    private final EntityManager entityManager;
    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final ActivityViews views;
    private final CatalogueFacets facets;
    private final Clock clock;

    CatalogueService(EntityManager entityManager, ActivityRepository activities, ProjectsApi projects,
            ActivityViews views, CatalogueFacets facets, Clock clock) {
        this.entityManager = entityManager;
        this.activities = activities;
        this.projects = projects;
        this.views = views;
        this.facets = facets;
        this.clock = clock;
    }

    /** Published activities that have not yet ended, the soonest first. */
    @Transactional(readOnly = true)
    public CataloguePage upcoming(CatalogueFilter filter, int page) {
        return search(filter, page, false);
    }

    /** Activities that have taken place (published or completed), the latest first. */
    @Transactional(readOnly = true)
    public CataloguePage archive(CatalogueFilter filter, int page) {
        return search(filter, page, true);
    }

    /** An activity's public page: anything published once (a cancelled one says so); drafts do not exist here. */
    @Transactional(readOnly = true)
    public ActivityDetails details(long activityId) {
        Activity activity = activities.findWithSessions(activityId).filter(CatalogueService::isPublic)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        return views.details(activity);
    }

    /** The projects that have published activities (for the printed catalogue's choice of project). */
    @Transactional(readOnly = true)
    public List<ProjectInfo> projectsWithPublishedActivities() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery(
                "select distinct project_id from activity where status = 'PUBLISHED'").getResultList();
        return projects.projects(ids.stream().map(Number::longValue).toList()).stream()
                .sorted((a, b) -> SWEDISH.compare(a.shortName(), b.shortName())).toList();
    }

    static boolean isPublic(Activity activity) {
        return activity.getStatus() != ActivityStatus.DRAFT && activity.getPublishedAt() != null;
    }

    private CataloguePage search(CatalogueFilter filter, int page, boolean archive) {
        Instant now = clock.instant();
        String scope = archive
                ? " where a.status in ('PUBLISHED', 'COMPLETED') and a.last_end <= :now"
                : " where a.status = 'PUBLISHED' and a.last_end > :now";

        CatalogueFacets.Facets offered = facets.of(scope, archive, now);
        List<ProjectInfo> projectList = offered.projects();
        List<TrackInfo> tracks = offered.tracks();
        List<TargetGroupInfo> targetGroups = offered.targetGroups();

        StringBuilder where = new StringBuilder(scope);
        Map<String, Object> params = new HashMap<>();
        params.put("now", now);
        if (filter.project() != null) {
            where.append(" and a.project_id = :project");
            params.put("project", filter.project());
        }
        if (filter.track() != null) {
            where.append(" and a.track_id = :track");
            params.put("track", filter.track());
        }
        if (filter.targetGroup() != null) {
            where.append(" and exists (select 1 from activity_target_group g where g.activity_id = a.id"
                    + " and g.target_group_id = :targetGroup)");
            params.put("targetGroup", filter.targetGroup());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.placeOrNull() != null) {
            where.append(" and a.venue_city = :place");
            params.put("place", filter.placeOrNull());
        }
        if (filter.month() != null) {
            where.append(" and exists (select 1 from activity_session s where s.activity_id = a.id"
                    + " and s.starts_at >= :monthStart and s.starts_at < :monthEnd)");
            params.put("monthStart", Times.instant(filter.month().atDay(1).atStartOfDay()));
            params.put("monthEnd", Times.instant(filter.month().plusMonths(1).atDay(1).atStartOfDay()));
        }
        String chronological = archive ? "a.last_end desc, a.id desc" : "a.first_start, a.id";
        String order = " order by " + chronological;
        if (filter.query() != null) {
            // A generic plan (PostgreSQL's choice after five executions of a prepared statement) knows nothing of the
            // search words and ranked the matches about three times slower: plan each search for its words
            // (PlanStability in docs/benchmarks.md). For this transaction only.
            entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .getSingleResult();
            where.append(" and a.search_vector @@ websearch_to_tsquery('swedish', :q)");
            params.put("q", filter.query());
            order = " order by ts_rank(a.search_vector, websearch_to_tsquery('swedish', :q)) desc, " + chronological;
        }

        Query count = entityManager.createNativeQuery("select count(*) from activity a" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        int pageNumber = Math.max(0, Math.min(page, (int) ((total - 1) / PAGE_SIZE)));

        Query rows = entityManager.createNativeQuery("""
                select a.id, a.title, a.kind, a.level, a.status, a.project_id, a.track_id, a.first_start, a.last_end,
                       a.session_count, a.total_minutes, a.venue_name, a.venue_city, a.seats, a.seats_taken,
                       a.registration_opens, a.registration_closes
                from activity a""" + where + order + " limit :limit offset :offset");
        params.forEach(rows::setParameter);
        rows.setParameter("limit", PAGE_SIZE).setParameter("offset", pageNumber * PAGE_SIZE);
        @SuppressWarnings("unchecked")
        List<Object[]> result = total == 0 ? List.of() : rows.getResultList();

        Map<Long, List<Long>> groupsOf = targetGroupsOf(result.stream().map(r -> ((Number) r[0]).longValue()).toList());
        Map<Long, ProjectInfo> projectById = projectList.stream().collect(Collectors.toMap(ProjectInfo::id, Function.identity()));
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        Map<Long, String> groupNames = targetGroups.stream().collect(Collectors.toMap(TargetGroupInfo::id, TargetGroupInfo::name));
        List<CatalogueItem> items = new ArrayList<>();
        for (Object[] r : result) {
            long id = ((Number) r[0]).longValue();
            String title = (String) r[1];
            ActivityStatus status = ActivityStatus.valueOf((String) r[4]);
            int seatsLeft = Math.max(0, ((Number) r[13]).intValue() - ((Number) r[14]).intValue());
            ProjectInfo project = projectById.get(((Number) r[5]).longValue());
            items.add(new CatalogueItem(id, title, ActivityKind.valueOf((String) r[2]), ActivityLevel.valueOf((String) r[3]),
                    status, project == null ? "" : project.shortName(),
                    trackNames.getOrDefault(((Number) r[6]).longValue(), ""), instant(r[7]), instant(r[8]),
                    ((Number) r[9]).intValue(), ActivitySession.hours(((Number) r[10]).longValue()), (String) r[11],
                    (String) r[12], seatsLeft,
                    RegistrationState.of(status, instant(r[15]), instant(r[16]), seatsLeft, now),
                    groupsOf.getOrDefault(id, List.of()).stream().map(groupNames::get).filter(Objects::nonNull).toList(),
                    ActivityPaths.publicPath(id, title)));
        }
        YearMonth current = YearMonth.from(now.atZone(se.kompetensportal.shared.web.Formats.ZONE));
        List<YearMonth> months = IntStream.range(0, archive ? 24 : 12)
                .mapToObj(i -> archive ? current.minusMonths(i) : current.plusMonths(i)).toList();
        return new CataloguePage(new PageImpl<>(items, PageRequest.of(pageNumber, PAGE_SIZE), total), projectList, tracks,
                targetGroups, offered.places(), months);
    }

    private Map<Long, List<Long>> targetGroupsOf(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select activity_id, target_group_id from activity_target_group
                where activity_id in (:ids) order by activity_id, target_group_id""")
                .setParameter("ids", activityIds).getResultList();
        Map<Long, List<Long>> result = new LinkedHashMap<>();
        rows.forEach(r -> result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                .add(((Number) r[1]).longValue()));
        return result;
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            case java.time.ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalStateException("Not a timestamp: " + value.getClass());
        };
    }
}
