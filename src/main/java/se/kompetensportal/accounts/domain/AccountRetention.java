package se.kompetensportal.accounts.domain;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.privacy.RetentionRule;

/**
 * Accounts without a staff role (participants, applicants, actors' contact persons) that nobody has used for
 * {@code kp.retention.inactive-accounts} are anonymised ({@link AccountErasure}, which tells the other modules); login
 * links and self-service sign-up requests older than {@code kp.retention.sensitive-mails} are deleted.
 */
@Component
class AccountRetention implements RetentionRule {

    private final AccountErasure erasure;
    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;

    AccountRetention(AccountErasure erasure, JdbcTemplate jdbc, RetentionProperties properties) {
        this.erasure = erasure;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int runBatch(RetentionContext context) {
        Timestamp links = Timestamp.from(context.now().minus(properties.sensitiveMails()));
        int done = jdbc.update("delete from pending_sign_up where requested_at < ?", links);
        done += jdbc.update("delete from one_time_tokens where expires_at < ?", links);
        List<Long> unused = erasure.unusedSince(context.now().minus(properties.inactiveAccounts()),
                Math.min(50, properties.batchSize()));
        for (long id : unused) {
            done += erasure.erase(id) ? 1 : 0;
        }
        return done;
    }
}
