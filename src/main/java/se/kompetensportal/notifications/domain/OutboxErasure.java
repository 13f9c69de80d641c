package se.kompetensportal.notifications.domain;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * Erasure reaches the outbox: mails to an erased address lose the address, body, headers and attachments (the subject,
 * category, project and dates stay, so the outbox's counts stay true); mails not yet sent are cancelled. The address
 * part of a dedup key (a newsletter's is prefix + address) is replaced too. Idempotent: scrubbed mails no longer match.
 */
@Component
class OutboxErasure {

    static final String ERASED = "erased@erased.invalid";

    private final NamedParameterJdbcTemplate sql;

    OutboxErasure(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @ApplicationModuleListener
    void on(AddressesErased event) {
        scrub(event.erasedAddressHashes());
    }

    int scrub(List<String> hashes) {
        if (hashes.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = Map.of("hashes", hashes, "erased", ERASED);
        String match = AddressHash.sql("recipient") + " in (:hashes)";
        sql.update("delete from outbox_attachment where message_id in (select id from outbox_message where " + match + ")",
                params);
        return sql.update("""
                update outbox_message set
                    status = case when status = 'SENT' then 'SENT' else 'CANCELLED' end,
                    dedup_key = case when dedup_key is null then null
                                     else replace(dedup_key, recipient, 'erased-' || id) end,
                    recipient = :erased, body_text = '', body_html = null, headers = null, last_error = null
                where """ + " " + match, params);
    }
}
