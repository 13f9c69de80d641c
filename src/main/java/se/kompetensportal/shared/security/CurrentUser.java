package se.kompetensportal.shared.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the current request, and the checks that scope data to them. Services call these checks
 * before they return or change anything that belongs to a project or an organisation.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static PortalUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** Throws 403 unless the current user may manage (change, see personal data of) the project. */
    public static PortalUser requireManage(long projectId) {
        return require().requireManage(projectId);
    }

    /** Throws 403 unless the current user may follow the project (managers and its steering group). */
    public static PortalUser requireFollow(long projectId) {
        return require().requireFollow(projectId);
    }
}
