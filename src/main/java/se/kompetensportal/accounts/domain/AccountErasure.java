package se.kompetensportal.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountErased;
import se.kompetensportal.shared.privacy.AddressHash;

/**
 * Closes and anonymises an account: no name, usable address, password, roles or scope; its open sessions, unused login
 * links, pending self-service sign-up and the throttling rows keyed by its address go too. The row stays so that
 * references (who recorded what) still resolve. Publishes {@link AccountErased} for the modules that hold data about
 * the account. Doing it twice does nothing the second time.
 */
@Service
public class AccountErasure {

    private final UserAccountRepository users;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AccountErasure(UserAccountRepository users, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public boolean erase(long userId) {
        UserAccount user = users.findById(userId).orElse(null);
        if (user == null || isErased(user.getEmail())) {
            return false;
        }
        String email = user.getEmail();
        jdbc.update("delete from one_time_tokens where lower(username) = lower(?)", email);
        jdbc.update("delete from pending_sign_up where lower(email) = lower(?)", email);
        jdbc.update("delete from rate_limit where bucket_key like ? or bucket_key like ?", "login:" + email + "%",
                "link:" + email + "%");
        jdbc.update("""
                delete from spring_session where principal_name = ?""", email);
        user.setEmail("erased-user-" + userId + "@erased.invalid");
        user.setDisplayName("–");
        user.setPasswordHash(null);
        user.setEnabled(false);
        user.setRoles(Set.of());
        user.setProjectIds(Set.of());
        user.setOrganisationId(null);
        users.flush();
        events.publishEvent(new AccountErased(userId, List.of(AddressHash.of(email))));
        return true;
    }

    /** Accounts without a staff role, not signed in since {@code before} (nor created after it): a batch of ids. */
    @Transactional(readOnly = true)
    public List<Long> unusedSince(Instant before, int limit) {
        return jdbc.queryForList("""
                select u.id from app_user u
                where u.email not like 'erased-user-%@erased.invalid'
                  and coalesce(u.last_login_at, u.created_at) < ?
                  and not exists (select 1 from app_user_role r where r.user_id = u.id
                                  and r.role in ('ADMIN', 'SECRETARY', 'STEERING', 'TRAINER'))
                order by u.id limit ?""", Long.class, java.sql.Timestamp.from(before), limit);
    }

    static boolean isErased(String email) {
        return email != null && email.startsWith("erased-user-") && email.endsWith("@erased.invalid");
    }
}
