package se.kompetensportal.projects;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.domain.ProjectActorRepository;
import se.kompetensportal.projects.domain.ProjectRepository;

/**
 * The projects an organisation is an actor in, and its part in each (for the actors' own pages). Unscoped, like
 * {@link ProjectsApi}: the caller decides who may ask about which organisation.
 */
@Service
@Transactional(readOnly = true)
public class ActorProjects {

    /** A project an organisation takes part in, and how. */
    public record ActorProject(ProjectInfo project, ActorRole role) {
    }

    private final ProjectActorRepository actors;
    private final ProjectRepository projects;

    ActorProjects(ProjectActorRepository actors, ProjectRepository projects) {
        this.actors = actors;
        this.projects = projects;
    }

    /** The projects the organisation is an actor in, the newest first. */
    public List<ActorProject> projectsOf(long organisationId) {
        return actors.projectsOf(organisationId).stream()
                .map(p -> new ActorProject(projects.findById(p.projectId()).orElseThrow().info(), p.role()))
                .toList();
    }

    /**
     * The project's own actors, those the project plan names (its owner and partners), by id: not the bodies only
     * invited to send staff. These are the actors expected to file a plan for further work.
     */
    public Set<Long> planActors(long projectId) {
        return Set.copyOf(actors.organisationIdsOf(projectId, ActorRole.INVITED));
    }

    /** The organisation's part in the project, if it is one of the project's actors. */
    public Optional<ActorProject> actorIn(long projectId, long organisationId) {
        return projectsOf(organisationId).stream().filter(p -> p.project().id() == projectId).findFirst();
    }
}
