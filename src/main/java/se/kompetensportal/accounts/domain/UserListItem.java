package se.kompetensportal.accounts.domain;

import java.time.Instant;
import java.util.List;

import se.kompetensportal.shared.security.Role;

/** A row of the user list. */
public record UserListItem(long id, String email, String displayName, List<Role> roles, boolean enabled,
        boolean hasPassword, Instant lastLoginAt) {
}
