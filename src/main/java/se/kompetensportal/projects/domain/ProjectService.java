package se.kompetensportal.projects.domain;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ActorRole;
import se.kompetensportal.projects.ProjectCreated;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Projects and their configuration. Administrators see and change every project; a secretary the projects they are
 * assigned to, and a project they create is assigned to them.
 */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final TargetGroupRepository targetGroups;
    private final ProjectActorRepository actors;
    private final OrganisationRepository organisations;
    private final ProjectUnitCostRepository unitCosts;
    private final ApplicationEventPublisher events;

    ProjectService(ProjectRepository projects, TrackRepository tracks, TargetGroupRepository targetGroups,
            ProjectActorRepository actors, OrganisationRepository organisations, ProjectUnitCostRepository unitCosts,
            ApplicationEventPublisher events) {
        this.projects = projects;
        this.tracks = tracks;
        this.targetGroups = targetGroups;
        this.actors = actors;
        this.organisations = organisations;
        this.unitCosts = unitCosts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<ProjectListItem> listVisible(PortalUser user) {
        if (user.isAdmin()) {
            return projects.listAll();
        }
        return user.projectIds().isEmpty() ? List.of() : projects.listByIds(user.projectIds());
    }

    @Transactional(readOnly = true)
    public ProjectDetails details(PortalUser user, long projectId) {
        user.requireManage(projectId);
        Project project = find(projectId);
        return new ProjectDetails(ProjectView.of(project),
                tracks.findByProjectIdOrderByPosition(projectId).stream()
                        .map(t -> new ProjectDetails.TrackView(t.getId(), t.getPosition(), t.getName(), t.getDescription()))
                        .toList(),
                targetGroups.findByProjectIdOrderByCode(projectId).stream().map(TargetGroup::info).toList(),
                actors.actorsOf(projectId),
                unitCosts.findByIdProjectIdOrderByIdYear(projectId).stream()
                        .map(u -> new ProjectDetails.UnitCostView(u.getYear(), u.getHourlyRate()))
                        .toList());
    }

    @Transactional(readOnly = true)
    public ProjectForm editForm(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return ProjectForm.of(find(projectId));
    }

    @Transactional
    public long create(PortalUser user, ProjectForm form) {
        if (!user.isAdmin() && !user.hasRole(Role.SECRETARY)) {
            throw new AccessDeniedException("Only administrators and secretaries create projects");
        }
        checkAmounts(form);
        if (form.funderReference() != null && !form.funderReference().isBlank()
                && projects.existsByFunderReference(form.funderReference().strip())) {
            throw new FieldRejectedException("funderReference", "project.funderReference.taken");
        }
        Project project = new Project(form.name(), form.shortName());
        form.applyTo(project);
        if (form.slug() == null || form.slug().isBlank()) {
            project.setSlug(freeSlug(project.getSlug()));
        } else if (projects.existsBySlug(project.getSlug())) {
            throw new FieldRejectedException("slug", "project.slug.taken");
        }
        project = projects.save(project);
        events.publishEvent(new ProjectCreated(project.getId(), user.id()));
        return project.getId();
    }

    @Transactional
    public void update(PortalUser user, long projectId, ProjectForm form) {
        user.requireManage(projectId);
        Project project = find(projectId);
        if (form.version() == null || form.version() != project.getVersion()) {
            throw new ConcurrentEditException("Project", projectId);
        }
        checkAmounts(form);
        if (form.funderReference() != null && !form.funderReference().isBlank()
                && projects.existsByFunderReferenceAndIdNot(form.funderReference().strip(), projectId)) {
            throw new FieldRejectedException("funderReference", "project.funderReference.taken");
        }
        if (form.slug() != null && !form.slug().isBlank()
                && projects.existsBySlugAndIdNot(form.slug().strip(), projectId)) {
            throw new FieldRejectedException("slug", "project.slug.taken");
        }
        form.applyTo(project);
        projects.flush();
    }

    /** The slug, or the slug with the first free number added ("iko-2"). */
    private String freeSlug(String slug) {
        String candidate = slug;
        for (int n = 2; projects.existsBySlug(candidate); n++) {
            String suffix = "-" + n;
            candidate = slug.substring(0, Math.min(slug.length(), Project.SLUG_MAX - suffix.length())) + suffix;
        }
        return candidate;
    }

    @Transactional
    public void addActor(PortalUser user, long projectId, long organisationId, ActorRole role) {
        user.requireManage(projectId);
        find(projectId);
        if (!organisations.existsById(organisationId)) {
            throw new NotFoundException("Organisation", organisationId);
        }
        ProjectActor.Key key = new ProjectActor.Key(projectId, organisationId);
        actors.findById(key).ifPresentOrElse(a -> a.setRole(role),
                () -> actors.save(new ProjectActor(projectId, organisationId, role)));
    }

    @Transactional
    public void removeActor(PortalUser user, long projectId, long organisationId) {
        user.requireManage(projectId);
        actors.deleteById(new ProjectActor.Key(projectId, organisationId));
    }

    @Transactional
    public void setUnitCost(PortalUser user, long projectId, int year, BigDecimal hourlyRate) {
        user.requireManage(projectId);
        find(projectId);
        ProjectUnitCost.Key key = new ProjectUnitCost.Key(projectId, year);
        unitCosts.findById(key).ifPresentOrElse(u -> u.setHourlyRate(hourlyRate),
                () -> unitCosts.save(new ProjectUnitCost(projectId, year, hourlyRate)));
    }

    @Transactional
    public void removeUnitCost(PortalUser user, long projectId, int year) {
        user.requireManage(projectId);
        unitCosts.deleteById(new ProjectUnitCost.Key(projectId, year));
    }

    /** Deletes a project that nothing refers to yet (a mistake); one in use is refused. */
    @Transactional
    public void delete(PortalUser user, long projectId) {
        user.requireManage(projectId);
        Project project = find(projectId);
        try {
            projects.delete(project);
            projects.flush();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("project.delete.inUse");
        }
    }

    Project find(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    private static void checkAmounts(ProjectForm form) {
        if (form.totalBudget() != null && form.esfSupport() != null
                && form.esfSupport().compareTo(form.totalBudget()) > 0) {
            throw new FieldRejectedException("esfSupport", "project.esfSupport.aboveBudget");
        }
    }
}
