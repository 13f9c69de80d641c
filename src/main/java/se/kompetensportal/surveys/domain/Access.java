package se.kompetensportal.surveys.domain;

import org.springframework.security.access.AccessDeniedException;
import se.kompetensportal.shared.security.PortalUser;

/**
 * The checks of what the acting user may do, made on the user the controller passes in (which is null when nobody is
 * signed in) rather than looked up in the security context: {@link PortalUser#requireManage} / {@code requireFollow},
 * after a 403 for nobody signed in.
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
        return require(user).requireManage(projectId);
    }

    /** Throws 403 unless the user may follow the project (managers and its steering group). */
    static PortalUser requireFollow(PortalUser user, long projectId) {
        return require(user).requireFollow(projectId);
    }
}
