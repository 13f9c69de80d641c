package se.kompetensportal.accounts;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.domain.AccountErasure;
import se.kompetensportal.accounts.domain.UserAccount;
import se.kompetensportal.accounts.domain.UserAccountRepository;
import se.kompetensportal.accounts.security.LoginLinks;
import se.kompetensportal.shared.security.Role;

/** What other modules may ask of the accounts module. */
@Service
public class AccountsApi {

    private final UserAccountRepository users;
    private final LoginLinks loginLinks;
    private final AccountErasure erasure;

    AccountsApi(UserAccountRepository users, LoginLinks loginLinks, AccountErasure erasure) {
        this.users = users;
        this.loginLinks = loginLinks;
        this.erasure = erasure;
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> user(long userId) {
        return users.findById(userId).map(UserAccount::summary);
    }

    /** The users with these ids, in one query (ids of users that no longer exist are left out). */
    @Transactional(readOnly = true)
    public List<UserSummary> users(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return users.findAllById(userIds).stream().map(UserAccount::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> userByEmail(String email) {
        return users.findByEmail(UserAccount.normaliseEmail(email)).map(UserAccount::summary);
    }

    /** Users holding the role who are assigned to the project (e.g. the steering group, as reviewers). */
    @Transactional(readOnly = true)
    public List<UserSummary> usersWithRole(Role role, long projectId) {
        return users.findByRoleAndProject(role, projectId).stream().map(UserAccount::summary).toList();
    }

    /** Enabled users holding the role for the organisation (e.g. an actor's contact persons). */
    @Transactional(readOnly = true)
    public List<UserSummary> usersOfOrganisation(Role role, long organisationId) {
        return users.findEnabledByRoleAndOrganisation(role, organisationId).stream().map(UserAccount::summary).toList();
    }

    /**
     * The account for an e-mail address, created without a password if it does not exist (participants and
     * applicants sign in by link); the role is added if the account lacks it. Returns the user id. Safe to call from
     * two requests at once for the same address.
     */
    @Transactional
    public long ensureAccount(String email, String displayName, Role role) {
        if (role == Role.ADMIN || role == Role.SECRETARY || role == Role.STEERING || role == Role.ACTOR_CONTACT) {
            throw new IllegalArgumentException("Staff roles are given by an administrator, not by self-service");
        }
        String normalised = UserAccount.normaliseEmail(email);
        Optional<UserAccount> existing = users.findByEmail(normalised);
        if (existing.isPresent()) {
            existing.get().getRoles().add(role);
            return existing.get().getId();
        }
        UserAccount account = new UserAccount(normalised, displayName);
        account.setRoles(EnumSet.of(role));
        try {
            return users.saveAndFlush(account).getId();
        } catch (DataIntegrityViolationException raced) {
            throw new AccountRaceException(normalised);
        }
    }

    /**
     * Closes and anonymises an account whose person was erased: no name, no usable address, no password, no roles; its
     * sessions and login links end. The row stays so that references (who recorded what) still resolve. Publishes
     * {@link AccountErased}. Does nothing for an account already anonymised.
     */
    @Transactional
    public void anonymise(long userId) {
        erasure.erase(userId);
    }

    /** Mails a one-time login link that leads to {@code continuePath} (a path in the portal) after login. */
    public boolean sendLoginLink(String email, String continuePath, String remoteAddress, Locale locale) {
        return loginLinks.request(email, continuePath, remoteAddress, locale) == LoginLinks.Outcome.SENT;
    }

    /**
     * A self-service sign-up from an anonymous form (participant or applicant): mails a one-time link leading to
     * {@code continuePath}. No account is created and no role granted now; that happens when the link is used, and
     * never to an account with a staff role. Returns whether the request was accepted (false: too many requests from
     * this network address or for this e-mail address). Whether the address has an account is not revealed.
     */
    public boolean requestSignUpLink(String email, String displayName, Role role, String continuePath,
            String remoteAddress, Locale locale) {
        return loginLinks.requestSignUp(email, displayName, role, continuePath, remoteAddress, locale)
                != LoginLinks.Outcome.THROTTLED;
    }

    /** Two requests created the same account at the same moment; the caller may simply try again. */
    public static class AccountRaceException extends RuntimeException {
        public AccountRaceException(String email) {
            super("Account for " + email + " was created concurrently");
        }
    }
}
