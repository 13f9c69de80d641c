package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatistics;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.OrganisationKind;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The register of collaboration projects (Delmål 2): kept by the project's secretaries. A collaboration project joins
 * at least one authority (municipality, region or state agency) and one non-profit organisation.
 */
@Service
@Transactional
public class CollaborationService {

    /** Organisation kinds that count as an authority. */
    public static final Set<OrganisationKind> AUTHORITIES = EnumSet.of(OrganisationKind.MUNICIPALITY,
            OrganisationKind.REGION, OrganisationKind.STATE_AGENCY);

    /** One row of the register. */
    public record Row(long id, String title, CollaborationStatus status, String forum, List<String> partners,
            LocalDate startedOn, LocalDate developedOn, LocalDate carriedOutOn) {
    }

    /** What the form offers: the organisations to choose partners from and the project's collaboration forums. */
    public record Options(List<OrganisationInfo> organisations, Map<Long, String> forums) {
    }

    private final CollaborationProjectRepository collaborations;
    private final ProjectsApi projects;
    private final ActivityStatistics activities;
    private final DashboardCache cache;

    CollaborationService(CollaborationProjectRepository collaborations, ProjectsApi projects,
            ActivityStatistics activities, DashboardCache cache) {
        this.cache = cache;
        this.collaborations = collaborations;
        this.projects = projects;
        this.activities = activities;
    }

    @Transactional(readOnly = true)
    public List<Row> register(PortalUser user, long projectId) {
        user.requireFollow(projectId);
        Map<Long, OrganisationInfo> orgs = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, Function.identity()));
        Map<Long, String> forums = activities.activitiesOfKind(projectId, ActivityKind.COLLABORATION_FORUM);
        return collaborations.findByProjectIdOrderByStatusDescTitleAsc(projectId).stream()
                .map(c -> new Row(c.getId(), c.getTitle(), c.getStatus(),
                        c.getForumActivityId() == null ? null : forums.get(c.getForumActivityId()),
                        c.getPartnerIds().stream().map(orgs::get).filter(java.util.Objects::nonNull)
                                .map(OrganisationInfo::name).sorted().toList(),
                        c.getStartedOn(), c.getDevelopedOn(), c.getCarriedOutOn()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Options options(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return new Options(projects.organisations(),
                activities.activitiesOfKind(projectId, ActivityKind.COLLABORATION_FORUM));
    }

    /** The entity, for this service's own use inside its transactions (its partners are loaded lazily). */
    CollaborationProject get(PortalUser user, long id) {
        CollaborationProject c = collaborations.findById(id)
                .orElseThrow(() -> new NotFoundException("CollaborationProject", id));
        user.requireManage(c.getProjectId());
        return c;
    }

    /** The form for editing, read inside the transaction (the partners are a lazy collection). */
    @Transactional(readOnly = true)
    public CollaborationForm editForm(PortalUser user, long id) {
        return CollaborationForm.of(get(user, id));
    }

    /** The project the collaboration project belongs to (checked: the user must manage it). */
    @Transactional(readOnly = true)
    public long projectOf(PortalUser user, long id) {
        return get(user, id).getProjectId();
    }

    public long create(PortalUser user, long projectId, CollaborationForm form) {
        user.requireManage(projectId);
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        check(projectId, form);
        CollaborationProject c = new CollaborationProject(projectId);
        c.apply(form);
        DashboardCache.afterCommit(cache, projectId);
        return collaborations.save(c).getId();
    }

    public long update(PortalUser user, long id, CollaborationForm form) {
        CollaborationProject c = get(user, id);
        if (c.getVersion() != form.version()) {
            throw new ConcurrentEditException("CollaborationProject", id);
        }
        check(c.getProjectId(), form);
        c.apply(form);
        collaborations.flush();
        DashboardCache.afterCommit(cache, c.getProjectId());
        return c.getProjectId();
    }

    public long delete(PortalUser user, long id) {
        CollaborationProject c = get(user, id);
        collaborations.delete(c);
        DashboardCache.afterCommit(cache, c.getProjectId());
        return c.getProjectId();
    }

    private void check(long projectId, CollaborationForm f) {
        Map<Long, OrganisationInfo> orgs = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, Function.identity()));
        List<OrganisationInfo> partners = f.partnerIds().stream().map(orgs::get).toList();
        if (partners.contains(null)) {
            throw new FieldRejectedException("partnerIds", "collaboration.partners.unknown");
        }
        boolean authority = partners.stream().anyMatch(o -> AUTHORITIES.contains(o.kind()));
        boolean nonProfit = partners.stream().anyMatch(o -> o.kind() == OrganisationKind.NON_PROFIT);
        if (!authority || !nonProfit) {
            throw new FieldRejectedException("partnerIds", "collaboration.partners.required");
        }
        if (f.forumActivityId() != null && !activities.activitiesOfKind(projectId, ActivityKind.COLLABORATION_FORUM)
                .containsKey(f.forumActivityId())) {
            throw new FieldRejectedException("forumActivityId", "collaboration.forum.unknown");
        }
        if (f.status() != CollaborationStatus.IDEA && f.developedOn() == null) {
            throw new FieldRejectedException("developedOn", "collaboration.developedOn.required");
        }
        if (f.status() == CollaborationStatus.CARRIED_OUT && f.carriedOutOn() == null) {
            throw new FieldRejectedException("carriedOutOn", "collaboration.carriedOutOn.required");
        }
        if (f.status() == CollaborationStatus.CARRIED_OUT && f.carriedOutOn().isBefore(f.developedOn())) {
            throw new FieldRejectedException("carriedOutOn", "collaboration.carriedOutOn.beforeDeveloped");
        }
    }
}
