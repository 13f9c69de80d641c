package se.kompetensportal.surveys.domain;

import org.springframework.security.access.AccessDeniedException;
import se.kompetensportal.shared.security.PortalUser;

/**
 * The checks of what the acting user may do, made on the user the controller passes in rather than looked up in the
 * security context: as strong as {@code CurrentUser.requireManage}/{@code requireFollow} (nobody signed in, or a user
 * without the project, gets 403).
 */
final class Access {

    private Access() {
    }

    static PortalUser require(PortalUser user) {
        if (user == null) {
            throw new AccessDeniedException("Not signed in");
        }
        return user;
    }

    /** Throws 403 unless the user may manage (change, see personal data of) the project. */
    static PortalUser requireManage(PortalUser user, long projectId) {
        if (!require(user).canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by user " + user.id());
        }
        return user;
    }

    /** Throws 403 unless the user may follow the project (managers and its steering group). */
    static PortalUser requireFollow(PortalUser user, long projectId) {
        if (!require(user).canFollowProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not followed by user " + user.id());
        }
        return user;
    }
}
