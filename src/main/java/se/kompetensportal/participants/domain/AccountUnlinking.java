package se.kompetensportal.participants.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountErased;

/**
 * An account erased on its own (unused past its retention) no longer leads to the person who had it: the person stays
 * in the register, as the project's records need, until the person's own erasure. Idempotent.
 */
@Component
class AccountUnlinking {

    private final JdbcTemplate jdbc;

    AccountUnlinking(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountErased event) {
        jdbc.update("update person set user_id = null where user_id = ?", event.userId());
    }
}
