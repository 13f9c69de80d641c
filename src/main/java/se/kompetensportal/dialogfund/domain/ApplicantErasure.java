package se.kompetensportal.dialogfund.domain;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountErased;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * Erasure reaches the dialog fund. An erased applicant's drafts (never sent, nothing the funder needs) are deleted; a
 * submitted application must be kept for the funder until the project's keep-until date, so only its contact person
 * is pseudonymised: name, address and phone go, the organisation, the activity, the amounts and the decision stay (so
 * the fund's figures are unchanged). The same for any application whose contact address is an erased one. Idempotent.
 */
@Component
class ApplicantErasure {

    static final String PSEUDONYM = "–";

    private final NamedParameterJdbcTemplate sql;

    ApplicantErasure(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @ApplicationModuleListener
    void on(AccountErased event) {
        Map<String, Object> owner = Map.of("owner", event.userId(), "pseudonym", PSEUDONYM);
        sql.update("delete from dialog_application where owner_id = :owner and status = 'DRAFT'", owner);
        sql.update("""
                update dialog_application set contact_name = :pseudonym, contact_email = null, contact_phone = null
                where owner_id = :owner and (contact_email is not null or contact_phone is not null
                                             or contact_name is distinct from :pseudonym)""", owner);
    }

    @ApplicationModuleListener
    void on(AddressesErased event) {
        if (event.erasedAddressHashes().isEmpty()) {
            return;
        }
        sql.update("""
                update dialog_application set contact_name = :pseudonym, contact_email = null, contact_phone = null
                where contact_email is not null and """ + " " + AddressHash.sql("contact_email") + " in (:hashes)",
                Map.of("hashes", event.erasedAddressHashes(), "pseudonym", PSEUDONYM));
    }
}
