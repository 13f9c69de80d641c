package se.kompetensportal.activities.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;

/**
 * The staff's list of activities: filtered, sorted and paged, with the projects whose trainers' gender balance is
 * outside 40/60. Administrators see every project's activities; a secretary those of the projects they manage.
 */
@Service
public class ActivityListService {

    private final ActivityRepository activities;
    private final ActivityTrainerRepository trainers;
    private final ProjectsApi projects;
    private final EntityManager entityManager;

    ActivityListService(ActivityRepository activities, ActivityTrainerRepository trainers, ProjectsApi projects, EntityManager entityManager) {
        this.activities = activities;
        this.trainers = trainers;
        this.projects = projects;
        this.entityManager = entityManager;
    }

    public static final int PAGE_SIZE = 25;

    @Transactional(readOnly = true)
    public ActivityList list(PortalUser user, ActivityFilter filter, int page) {
        List<ProjectInfo> visible = manageableProjects(user);
        Set<Long> scope = visible.stream().map(ProjectInfo::id).collect(Collectors.toSet());
        List<TrackInfo> tracks = projects.tracks(scope);
        List<ActivityList.ProjectBalance> unbalanced = new ArrayList<>();
        Map<Long, GenderBalance> balances = scope.isEmpty() ? Map.of()
                : GenderBalance.byKey(trainers.countByProject(scope));
        for (ProjectInfo p : visible) {
            GenderBalance b = balances.getOrDefault(p.id(), GenderBalance.NONE);
            if (b.isOutside()) {
                unbalanced.add(new ActivityList.ProjectBalance(p, b));
            }
        }
        if (scope.isEmpty() || (filter.projectId() != null && !scope.contains(filter.projectId()))) {
            return new ActivityList(Page.empty(PageRequest.of(0, PAGE_SIZE)), visible, tracks, unbalanced);
        }
        StringBuilder where = new StringBuilder(" where a.projectId in :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope);
        if (filter.projectId() != null) {
            where.append(" and a.projectId = :projectId");
            params.put("projectId", filter.projectId());
        }
        if (filter.trackId() != null) {
            where.append(" and a.trackId = :trackId");
            params.put("trackId", filter.trackId());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and a.lastEnd >= :from");
            params.put("from", Times.instant(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            where.append(" and a.firstStart < :to");
            params.put("to", Times.instant(filter.to().plusDays(1).atStartOfDay()));
        }
        String order = switch (filter.sortOrDefault()) {
            case "date-desc" -> " order by a.firstStart desc nulls last, a.id desc";
            case "title" -> " order by lower(a.title), a.id";
            case "status" -> " order by a.status, a.firstStart, a.id";
            default -> " order by a.firstStart nulls last, a.id";
        };
        TypedQuery<Long> count = entityManager.createQuery("select count(a) from Activity a" + where, Long.class);
        TypedQuery<ActivityRow> rows = entityManager.createQuery("""
                select new se.kompetensportal.activities.domain.ActivityRow(a.id, a.projectId, a.trackId, a.title,
                    a.kind, a.status, a.firstStart, a.lastEnd, a.sessionCount, a.seats, a.seatsTaken,
                    a.targetParticipants)
                from Activity a""" + where + order, ActivityRow.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = count.getSingleResult();
        int pageNumber = Math.max(0, Math.min(page, (int) ((total - 1) / PAGE_SIZE)));
        rows.setFirstResult(pageNumber * PAGE_SIZE).setMaxResults(PAGE_SIZE);
        Map<Long, ProjectInfo> projectById = visible.stream().collect(Collectors.toMap(ProjectInfo::id, Function.identity()));
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        List<ActivityListItem> items = rows.getResultList().stream().map(r -> new ActivityListItem(r.id(), r.projectId(),
                projectById.get(r.projectId()).shortName(), trackNames.getOrDefault(r.trackId(), ""), r.title(),
                r.kind(), r.status(), r.firstStart(), r.lastEnd(), r.sessionCount(), r.seats(), r.seatsTaken(),
                r.targetParticipants())).toList();
        return new ActivityList(new PageImpl<>(items, PageRequest.of(pageNumber, PAGE_SIZE), total), visible, tracks,
                unbalanced);
    }

    /** The projects whose activities the user may manage. */
    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects(PortalUser user) {
        if (user.isAdmin()) {
            return projects.projects();
        }
        if (!user.hasRole(Role.SECRETARY)) {
            throw new AccessDeniedException("Only administrators and secretaries manage activities");
        }
        return user.projectIds().isEmpty() ? List.of() : projects.projects(user.projectIds());
    }
}
