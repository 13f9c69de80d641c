package se.kompetensportal.accounts;

import java.util.Set;

import se.kompetensportal.shared.security.Role;

/** A user as other modules see it. */
public record UserSummary(long id, String email, String displayName, Set<Role> roles, Long organisationId,
        Set<Long> projectIds, boolean enabled) {
}
