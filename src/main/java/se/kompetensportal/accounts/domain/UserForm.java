package se.kompetensportal.accounts.domain;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import se.kompetensportal.shared.security.Role;

/**
 * A user as the administrator edits it. The initial password is optional: without one the user signs in by e-mail link
 * until they choose a password.
 */
public record UserForm(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty Set<Role> roles,
        Long organisationId,
        Set<Long> projectIds,
        @Size(max = 128) String password,
        Long version) {

    public static UserForm empty() {
        return new UserForm(null, null, Set.of(), null, Set.of(), null, null);
    }

    public Set<Long> projectIdsOrEmpty() {
        return projectIds == null ? Set.of() : projectIds;
    }
}
