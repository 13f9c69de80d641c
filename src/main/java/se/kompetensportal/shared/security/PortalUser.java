package se.kompetensportal.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees it: identity, roles and the scope of data the roles apply to (the projects of
 * a secretary or steering-group member, the organisation of an actor's contact person). It is reloaded on every request,
 * so a change made by an administrator applies at once.
 */
public final class PortalUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Role> roles;
    private final Long organisationId;
    private final Set<Long> projectIds;

    public PortalUser(long id, String email, String displayName, String passwordHash, boolean enabled, Set<Role> roles,
            Long organisationId, Set<Long> projectIds) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.organisationId = organisationId;
        this.projectIds = Set.copyOf(projectIds);
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Long organisationId() {
        return organisationId;
    }

    /** The projects a secretary or steering-group member is assigned to (administrators see all projects). */
    public Set<Long> projectIds() {
        return projectIds;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    /** Administrators, and secretaries assigned to the project, may change it and see its personal data. */
    public boolean canManageProject(long projectId) {
        return isAdmin() || (hasRole(Role.SECRETARY) && projectIds.contains(projectId));
    }

    /** Those who may manage it, and steering-group members assigned to it, may follow the project. */
    public boolean canFollowProject(long projectId) {
        return canManageProject(projectId) || (hasRole(Role.STEERING) && projectIds.contains(projectId));
    }

    /** Throws 403 unless this user may manage the project (see {@link #canManageProject}); returns this user. */
    public PortalUser requireManage(long projectId) {
        if (!canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by user " + id);
        }
        return this;
    }

    /** Throws 403 unless this user may follow the project (see {@link #canFollowProject}); returns this user. */
    public PortalUser requireFollow(long projectId) {
        if (!canFollowProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not followed by user " + id);
        }
        return this;
    }

    /** Whether this principal differs from another in anything that decides what the user may do or see. */
    public boolean sameGrantsAs(PortalUser other) {
        return other != null && id == other.id && enabled == other.enabled && roles.equals(other.roles)
                && Objects.equals(organisationId, other.organisationId) && projectIds.equals(other.projectIds)
                && Objects.equals(displayName, other.displayName) && email.equals(other.email);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PortalUser[" + id + ", " + roles + "]";
    }
}
