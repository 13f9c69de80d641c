package se.kompetensportal.projects;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.domain.Organisation;
import se.kompetensportal.projects.domain.OrganisationRepository;
import se.kompetensportal.projects.domain.Project;
import se.kompetensportal.projects.domain.ProjectActorRepository;
import se.kompetensportal.projects.domain.ProjectRepository;
import se.kompetensportal.projects.domain.ProjectUnitCostRepository;
import se.kompetensportal.projects.domain.TargetGroup;
import se.kompetensportal.projects.domain.TargetGroupRepository;
import se.kompetensportal.projects.domain.Track;
import se.kompetensportal.projects.domain.TrackRepository;
import se.kompetensportal.shared.security.PortalUser;

/**
 * What other modules may ask of the projects module. Read-only and unscoped: callers apply their own rules about who
 * may see what (this module's data holds no personal data except contact persons, which are not exposed here).
 */
@Service
@Transactional(readOnly = true)
public class ProjectsApi {

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final TargetGroupRepository targetGroups;
    private final OrganisationRepository organisations;
    private final ProjectActorRepository actors;
    private final ProjectUnitCostRepository unitCosts;

    ProjectsApi(ProjectRepository projects, TrackRepository tracks, TargetGroupRepository targetGroups,
            OrganisationRepository organisations, ProjectActorRepository actors, ProjectUnitCostRepository unitCosts) {
        this.projects = projects;
        this.tracks = tracks;
        this.targetGroups = targetGroups;
        this.organisations = organisations;
        this.actors = actors;
        this.unitCosts = unitCosts;
    }

    public Optional<ProjectInfo> project(long projectId) {
        return projects.findById(projectId).map(Project::info);
    }

    public List<ProjectInfo> projects() {
        return projects.findAllByOrderByStartDateDescNameAsc().stream().map(Project::info).toList();
    }

    /** The ids of the projects the user manages: every project for an administrator, else the user's own. */
    public Collection<Long> managedProjectIds(PortalUser user) {
        return user.isAdmin() ? projects().stream().map(ProjectInfo::id).toList() : user.projectIds();
    }

    public List<ProjectInfo> projects(Collection<Long> projectIds) {
        return projects.findAllById(projectIds).stream().map(Project::info)
                .sorted((a, b) -> b.startDate().compareTo(a.startDate())).toList();
    }

    public Optional<ProjectInfo> projectByFunderReference(String funderReference) {
        return projects.findByFunderReference(funderReference).map(Project::info);
    }

    public List<TrackInfo> tracks(long projectId) {
        return tracks.findByProjectIdOrderByPosition(projectId).stream().map(Track::info).toList();
    }

    /** The tracks of several projects at once (one query), by project and position. */
    public List<TrackInfo> tracks(Collection<Long> projectIds) {
        return projectIds.isEmpty() ? List.of()
                : tracks.findByProjectIdInOrderByProjectIdAscPositionAsc(projectIds).stream().map(Track::info).toList();
    }

    public Optional<TrackInfo> track(long trackId) {
        return tracks.findById(trackId).map(Track::info);
    }

    public List<TargetGroupInfo> targetGroups(long projectId) {
        return targetGroups.findByProjectIdOrderByCode(projectId).stream().map(TargetGroup::info).toList();
    }

    /** The target groups of several projects at once (one query), by project and code. */
    public List<TargetGroupInfo> targetGroups(Collection<Long> projectIds) {
        return projectIds.isEmpty() ? List.of()
                : targetGroups.findByProjectIdInOrderByProjectIdAscCodeAsc(projectIds).stream().map(TargetGroup::info)
                        .toList();
    }

    public Optional<OrganisationInfo> organisation(long organisationId) {
        return organisations.findById(organisationId).map(Organisation::info);
    }

    public List<OrganisationInfo> organisations() {
        return organisations.findAllByOrderByName().stream().map(Organisation::info).toList();
    }

    /** The actors of a project, by name. */
    public List<OrganisationInfo> actors(long projectId) {
        return organisations.findAllById(actors.organisationIdsOf(projectId)).stream().map(Organisation::info)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    }

    /** The funder's unit cost per hour for each year the project has one. */
    public Map<Integer, BigDecimal> unitCosts(long projectId) {
        Map<Integer, BigDecimal> costs = new TreeMap<>();
        unitCosts.findByIdProjectIdOrderByIdYear(projectId).forEach(u -> costs.put(u.getYear(), u.getHourlyRate()));
        return costs;
    }
}
