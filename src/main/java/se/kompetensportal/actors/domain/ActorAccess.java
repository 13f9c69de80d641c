package se.kompetensportal.actors.domain;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ActorProjects;
import se.kompetensportal.projects.ActorProjects.ActorProject;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Who the actor's pages are for: a contact person sees only their own organisation, and only in the projects it is an
 * actor of. The organisation is always the signed-in user's, never one named in the request, so another organisation's
 * data cannot be asked for; a project the organisation is not an actor of does not exist for them (404).
 */
@Component
public class ActorAccess {

    private final ActorProjects actorProjects;

    ActorAccess(ActorProjects actorProjects) {
        this.actorProjects = actorProjects;
    }

    /** The contact person's organisation; 403 for anyone else. */
    public long organisation(PortalUser user) {
        if (!user.hasRole(Role.ACTOR_CONTACT) || user.organisationId() == null) {
            throw new AccessDeniedException("User " + user.id() + " is no actor's contact person");
        }
        return user.organisationId();
    }

    /** The projects the contact person's organisation is an actor in. */
    public List<ActorProject> projects(PortalUser user) {
        return actorProjects.projectsOf(organisation(user));
    }

    /** The user's organisation in the project; 404 when it is not one of the project's actors (403 for no contact). */
    public ActorProject inProject(PortalUser user, long projectId) {
        long organisationId = organisation(user);
        return actorProjects.actorIn(projectId, organisationId)
                .orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    /** Whether the user may read the organisation's plan: its contact persons, and those who follow the project. */
    public boolean mayReadPlan(PortalUser user, long projectId, long organisationId) {
        if (user.canFollowProject(projectId)) {
            return true;
        }
        return user.hasRole(Role.ACTOR_CONTACT) && user.organisationId() != null
                && user.organisationId() == organisationId
                && actorProjects.actorIn(projectId, organisationId).isPresent();
    }
}
