package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountErased;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * Erasure reaches the newsletter: every subscription of the erased address or account ends and loses its address and
 * tokens at once (the dates stay, anonymous, like any erased unsubscription, so past subscriber counts are unchanged);
 * requests never confirmed are deleted. Idempotent: an erased subscription no longer matches.
 */
@Component
class SubscriberErasure {

    private final NamedParameterJdbcTemplate sql;
    private final Clock clock;

    SubscriberErasure(NamedParameterJdbcTemplate sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountErased event) {
        erase("user_id = :user", Map.of("user", event.userId()));
    }

    @ApplicationModuleListener
    void on(AddressesErased event) {
        if (!event.erasedAddressHashes().isEmpty()) {
            erase("email is not null and " + AddressHash.sql("email") + " in (:hashes)",
                    Map.of("hashes", event.erasedAddressHashes()));
        }
    }

    private void erase(String match, Map<String, Object> params) {
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(params)
                .addValue("now", Timestamp.from(clock.instant()));
        sql.update("delete from newsletter_subscriber where status = 'PENDING' and erased_at is null and " + match, p);
        sql.update("""
                update newsletter_subscriber set status = 'UNSUBSCRIBED',
                       unsubscribed_at = coalesce(unsubscribed_at, :now), email = null, unsubscribe_token = null,
                       confirm_token_hash = null, confirm_expires_at = null, user_id = null, erased_at = :now,
                       version = version + 1
                where erased_at is null and """ + " " + match, p);
    }
}
