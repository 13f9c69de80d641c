package se.kompetensportal.accounts.domain;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectCreated;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/** Administration of user accounts, and users' own password. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ProjectsApi projects;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, ProjectsApi projects) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public Page<UserListItem> search(String text, Role role, Pageable pageable) {
        return users.search(text == null ? "" : text.strip(), role, pageable)
                .map(u -> new UserListItem(u.getId(), u.getEmail(), u.getDisplayName(),
                        u.getRoles().stream().sorted().toList(), u.isEnabled(), u.getPasswordHash() != null,
                        u.getLastLoginAt()));
    }

    @Transactional(readOnly = true)
    public UserForm editForm(long userId) {
        UserAccount u = find(userId);
        return new UserForm(u.getEmail(), u.getDisplayName(), Set.copyOf(u.getRoles()), u.getOrganisationId(),
                Set.copyOf(u.getProjectIds()), null, u.getVersion());
    }

    @Transactional(readOnly = true)
    public UserListItem item(long userId) {
        UserAccount u = find(userId);
        return new UserListItem(u.getId(), u.getEmail(), u.getDisplayName(), u.getRoles().stream().sorted().toList(),
                u.isEnabled(), u.getPasswordHash() != null, u.getLastLoginAt());
    }

    @Transactional
    public long create(UserForm form) {
        String email = UserAccount.normaliseEmail(form.email());
        if (users.existsByEmail(email)) {
            throw new FieldRejectedException("email", "user.email.taken");
        }
        checkScope(form);
        UserAccount user = new UserAccount(email, form.displayName());
        applyGrants(user, form);
        if (form.password() != null && !form.password().isEmpty()) {
            PasswordPolicy.violation(form.password(), email).ifPresent(key -> {
                throw new FieldRejectedException("password", key, PasswordPolicy.MIN_LENGTH);
            });
            user.setPasswordHash(passwordEncoder.encode(form.password()));
        }
        return users.save(user).getId();
    }

    @Transactional
    public void update(PortalUser me, long userId, UserForm form) {
        UserAccount user = find(userId);
        if (form.version() == null || form.version() != user.getVersion()) {
            throw new ConcurrentEditException("User", userId);
        }
        String email = UserAccount.normaliseEmail(form.email());
        if (users.existsByEmailAndIdNot(email, userId)) {
            throw new FieldRejectedException("email", "user.email.taken");
        }
        checkScope(form);
        if (me.id() == userId && !form.roles().contains(Role.ADMIN)) {
            throw new FieldRejectedException("roles", "user.roles.keepOwnAdmin");
        }
        user.setEmail(email);
        user.setDisplayName(form.displayName());
        applyGrants(user, form);
        users.flush();
    }

    @Transactional
    public void setEnabled(PortalUser me, long userId, boolean enabled) {
        UserAccount user = find(userId);
        if (!enabled && me.id() == userId) {
            throw new BusinessRuleException("user.deactivate.self");
        }
        user.setEnabled(enabled);
    }

    /** An administrator sets a new password for a user (who can then change it themselves). */
    @Transactional
    public void resetPassword(long userId, PasswordForm form) {
        UserAccount user = find(userId);
        user.setPasswordHash(encodeChecked(form, user.getEmail()));
    }

    /** Users change (or, if they sign in by link only, choose) their own password. */
    @Transactional
    public void changeOwnPassword(PortalUser me, PasswordForm form) {
        UserAccount user = find(me.id());
        if (user.getPasswordHash() != null && (form.currentPassword() == null
                || !passwordEncoder.matches(form.currentPassword(), user.getPasswordHash()))) {
            throw new FieldRejectedException("currentPassword", "password.currentWrong");
        }
        user.setPasswordHash(encodeChecked(form, user.getEmail()));
    }

    @Transactional(readOnly = true)
    public boolean ownAccountHasPassword(PortalUser me) {
        return find(me.id()).getPasswordHash() != null;
    }

    /** The creator of a project gets access to it at once, in the same transaction. */
    @EventListener
    void on(ProjectCreated event) {
        users.findById(event.createdBy()).ifPresent(user -> user.getProjectIds().add(event.projectId()));
    }

    private String encodeChecked(PasswordForm form, String email) {
        if (!form.newPassword().equals(form.confirmation())) {
            throw new FieldRejectedException("confirmation", "password.mismatch");
        }
        PasswordPolicy.violation(form.newPassword(), email).ifPresent(key -> {
            throw new FieldRejectedException("newPassword", key, PasswordPolicy.MIN_LENGTH);
        });
        return passwordEncoder.encode(form.newPassword());
    }

    private void checkScope(UserForm form) {
        if (form.roles().contains(Role.ACTOR_CONTACT)) {
            if (form.organisationId() == null) {
                throw new FieldRejectedException("organisationId", "user.organisation.required");
            }
            if (projects.organisation(form.organisationId()).isEmpty()) {
                throw new FieldRejectedException("organisationId", "user.organisation.unknown");
            }
        }
        for (Long projectId : form.projectIdsOrEmpty()) {
            if (projects.project(projectId).isEmpty()) {
                throw new FieldRejectedException("projectIds", "user.projects.unknown");
            }
        }
    }

    private static void applyGrants(UserAccount user, UserForm form) {
        Set<Role> roles = EnumSet.copyOf(form.roles());
        user.setRoles(roles);
        user.setOrganisationId(roles.contains(Role.ACTOR_CONTACT) ? form.organisationId() : null);
        boolean projectScoped = roles.contains(Role.SECRETARY) || roles.contains(Role.STEERING);
        user.setProjectIds(projectScoped ? form.projectIdsOrEmpty() : Set.of());
    }

    private UserAccount find(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }
}
