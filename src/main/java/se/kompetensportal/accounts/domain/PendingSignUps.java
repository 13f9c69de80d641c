package se.kompetensportal.accounts.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.Role;

/**
 * Self-service sign-ups from the anonymous forms (an activity's sign-up link, the dialog fund's sign-in). Sending such a
 * form changes no account: it is remembered here ({@link #remember}) and a one-time link is mailed; only when the link is
 * used, which proves the address belongs to whoever asked, is the account created with the role, or the role added to
 * an existing account ({@link #complete}). Accounts with a staff role never get a role this way: staff roles and scope
 * are an administrator's business.
 */
@Service
public class PendingSignUps {

    /** The roles the anonymous forms may lead to. */
    public static final Set<Role> SELF_SERVICE = EnumSet.of(Role.PARTICIPANT, Role.APPLICANT);

    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.copyOf(SELF_SERVICE));

    private final JdbcTemplate jdbc;
    private final UserAccountRepository users;

    PendingSignUps(JdbcTemplate jdbc, UserAccountRepository users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Remembers the request (the latest for an address wins) and forgets requests older than a day. */
    @Transactional
    public void remember(String email, String displayName, Role role) {
        if (!SELF_SERVICE.contains(role)) {
            throw new IllegalArgumentException("Not a self-service role: " + role);
        }
        jdbc.update("delete from pending_sign_up where requested_at < now() - interval '1 day'");
        jdbc.update("""
                insert into pending_sign_up (email, display_name, role, requested_at) values (?, ?, ?, now())
                on conflict (email) do update set display_name = excluded.display_name, role = excluded.role,
                                                  requested_at = now()""",
                UserAccount.normaliseEmail(email), displayName.strip(), role.name());
    }

    /** The name given in a pending request for the address (used to greet someone who has no account yet). */
    @Transactional(readOnly = true)
    public Optional<String> displayName(String email) {
        List<String> names = jdbc.queryForList("select display_name from pending_sign_up where email = ?", String.class,
                UserAccount.normaliseEmail(email));
        return names.stream().findFirst();
    }

    /**
     * Carries out the pending request for the address, if any, now that a one-time link to it was used: creates the
     * account, or adds the role to an account without staff roles. Safe to call when there is nothing pending.
     */
    @Transactional
    public void complete(String email) {
        String normalised = UserAccount.normaliseEmail(email);
        List<Pending> pending = jdbc.query("delete from pending_sign_up where email = ? returning display_name, role",
                (rs, row) -> new Pending(rs.getString(1), Role.valueOf(rs.getString(2))), normalised);
        if (pending.isEmpty()) {
            return;
        }
        Pending request = pending.getFirst();
        Optional<UserAccount> existing = users.findByEmail(normalised);
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            if (account.isEnabled() && account.getRoles().stream().noneMatch(STAFF::contains)) {
                account.getRoles().add(request.role());
            }
            return;
        }
        UserAccount account = new UserAccount(normalised, request.displayName());
        account.setRoles(EnumSet.of(request.role()));
        try {
            users.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            // The same link cannot be used twice; another path created the account meanwhile: it exists, as wanted.
        }
    }

    private record Pending(String displayName, Role role) {
    }
}
