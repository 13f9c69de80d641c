package se.kompetensportal.timereporting.domain;

import org.springframework.security.access.AccessDeniedException;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/** The check every secretary's service makes for the acting user the controller passes. */
final class ProjectAccess {

    private ProjectAccess() {
    }

    /** The project (404 if unknown), if the user may manage it (403 otherwise). */
    static ProjectInfo requireManage(ProjectsApi projects, long projectId, PortalUser user) {
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        if (user == null) {
            throw new AccessDeniedException("Not signed in");
        }
        user.requireManage(projectId);
        return project;
    }
}
