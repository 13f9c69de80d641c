package se.kompetensportal.activities.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The public catalogue: published activities that have not ended, and an archive of those that have. A page costs a
 * fixed number of queries whatever it lists: the activity change counter, what the filters offer (four, remembered
 * while activities are unchanged: {@link CatalogueFacets}), the count, the page, and the page's target groups. The
 * catalogue's own tables are read over JDBC, on the connection of the read-only JPA transaction: Hibernate's handling
 * of native queries was about half of the controller's CPU on a fresh page (docs/benchmarks.md, issue 13).
 */
@Service
public class CatalogueService {

    public static final int PAGE_SIZE = 20;
    static final Collator SWEDISH = Collator.getInstance(Locale.of("sv"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final ActivityViews views;
    private final CatalogueFacets facets;
    private final Clock clock;

    CatalogueService(NamedParameterJdbcTemplate jdbc, ActivityRepository activities, ProjectsApi projects,
            ActivityViews views, CatalogueFacets facets, Clock clock) {
        this.jdbc = jdbc;
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
        List<Long> ids = jdbc.getJdbcOperations().queryForList(
                "select distinct project_id from activity where status = 'PUBLISHED'", Long.class);
        return projects.projects(ids).stream()
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

        StringBuilder where = new StringBuilder(scope);
        MapSqlParameterSource params = new MapSqlParameterSource("now", timestamp(now));
        if (filter.project() != null) {
            where.append(" and a.project_id = :project");
            params.addValue("project", filter.project());
        }
        if (filter.track() != null) {
            where.append(" and a.track_id = :track");
            params.addValue("track", filter.track());
        }
        if (filter.targetGroup() != null) {
            where.append(" and exists (select 1 from activity_target_group g where g.activity_id = a.id"
                    + " and g.target_group_id = :targetGroup)");
            params.addValue("targetGroup", filter.targetGroup());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.addValue("kind", filter.kind().name());
        }
        if (filter.placeOrNull() != null) {
            where.append(" and a.venue_city = :place");
            params.addValue("place", filter.placeOrNull());
        }
        if (filter.month() != null) {
            where.append(" and exists (select 1 from activity_session s where s.activity_id = a.id"
                    + " and s.starts_at >= :monthStart and s.starts_at < :monthEnd)");
            params.addValue("monthStart", timestamp(Times.instant(filter.month().atDay(1).atStartOfDay())));
            params.addValue("monthEnd", timestamp(Times.instant(filter.month().plusMonths(1).atDay(1).atStartOfDay())));
        }
        String chronological = archive ? "a.last_end desc, a.id desc" : "a.first_start, a.id";
        String order = " order by " + chronological;
        if (filter.query() != null) {
            // A generic plan (PostgreSQL's choice after five executions of a prepared statement) knows nothing of the
            // search words and ranked the matches about three times slower: plan each search for its words
            // (PlanStability in docs/benchmarks.md). For this transaction only: JdbcTemplate runs on the connection of
            // the JPA transaction (JpaTransactionManager exposes it), as the count and page below do.
            jdbc.getJdbcOperations().queryForObject("select set_config('plan_cache_mode', 'force_custom_plan', true)",
                    String.class);
            where.append(" and a.search_vector @@ websearch_to_tsquery('swedish', :q)");
            params.addValue("q", filter.query());
            order = " order by ts_rank(a.search_vector, websearch_to_tsquery('swedish', :q)) desc, " + chronological;
        }

        Long counted = jdbc.queryForObject("select count(*) from activity a" + where, params, Long.class);
        long total = counted == null ? 0 : counted;
        int pageNumber = Math.max(0, Math.min(page, (int) ((total - 1) / PAGE_SIZE)));
        params.addValue("limit", PAGE_SIZE).addValue("offset", pageNumber * PAGE_SIZE);
        List<CatalogueItem> items = total == 0 ? List.of() : jdbc.query("""
                select a.id, a.title, a.kind, a.level, a.status, a.project_id, a.track_id, a.first_start, a.last_end,
                       a.session_count, a.total_minutes, a.venue_name, a.venue_city, a.seats, a.seats_taken,
                       a.registration_opens, a.registration_closes
                from activity a""" + where + order + " limit :limit offset :offset", params, itemMapper(offered, now));

        YearMonth current = YearMonth.from(now.atZone(se.kompetensportal.shared.web.Formats.ZONE));
        List<YearMonth> months = IntStream.range(0, archive ? 24 : 12)
                .mapToObj(i -> archive ? current.minusMonths(i) : current.plusMonths(i)).toList();
        return new CataloguePage(new PageImpl<>(withTargetGroups(items, offered), PageRequest.of(pageNumber, PAGE_SIZE),
                total), offered.projects(), offered.tracks(), offered.targetGroups(), offered.places(), months);
    }

    /** A page's row as the catalogue lists it, its target groups still to be added ({@link #withTargetGroups}). */
    private static RowMapper<CatalogueItem> itemMapper(CatalogueFacets.Facets offered, Instant now) {
        return (rs, row) -> {
            long id = rs.getLong(1);
            String title = rs.getString(2);
            ActivityStatus status = ActivityStatus.valueOf(rs.getString(5));
            int seatsLeft = Math.max(0, rs.getInt(14) - rs.getInt(15));
            ProjectInfo project = offered.project(rs.getLong(6));
            return new CatalogueItem(id, title, ActivityKind.valueOf(rs.getString(3)),
                    ActivityLevel.valueOf(rs.getString(4)), status, project == null ? "" : project.shortName(),
                    offered.trackName(rs.getLong(7)), instant(rs, 8), instant(rs, 9), rs.getInt(10),
                    ActivitySession.hours(rs.getLong(11)), rs.getString(12), rs.getString(13), seatsLeft,
                    RegistrationState.of(status, instant(rs, 16), instant(rs, 17), seatsLeft, now), List.of(),
                    ActivityPaths.publicPath(id, title));
        };
    }

    /** The items with the names of their target groups (one query for the page), in the order of the groups' ids. */
    private List<CatalogueItem> withTargetGroups(List<CatalogueItem> items, CatalogueFacets.Facets offered) {
        Map<Long, List<Long>> groupsOf = targetGroupsOf(items.stream().map(CatalogueItem::id).toList());
        if (groupsOf.isEmpty()) {
            return items;
        }
        List<CatalogueItem> named = new ArrayList<>(items.size());
        for (CatalogueItem item : items) {
            List<Long> groups = groupsOf.get(item.id());
            named.add(groups == null ? item : item.withTargetGroups(
                    groups.stream().map(offered::targetGroupName).filter(Objects::nonNull).toList()));
        }
        return named;
    }

    private Map<Long, List<Long>> targetGroupsOf(Collection<Long> activityIds) {
        Map<Long, List<Long>> result = new LinkedHashMap<>();
        if (!activityIds.isEmpty()) {
            jdbc.query("""
                    select activity_id, target_group_id from activity_target_group
                    where activity_id in (:ids) order by activity_id, target_group_id""",
                    new MapSqlParameterSource("ids", activityIds),
                    (RowCallbackHandler) rs -> {
                        result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
        }
        return result;
    }

    /** An instant as bound to a {@code timestamptz} parameter. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code timestamptz} column, or null. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
