package se.kompetensportal.surveys.domain;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.PersonErased;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.AddressesErased;

/**
 * Erasure reaches the surveys: an erased person's invitation links stop working and their identified responses become
 * anonymous (the responses and the invitation's "answered" stay, so results and response rates are unchanged); an
 * erased address leaves uploaded recipient lists and interest registrations. Idempotent.
 */
@Component
class SurveyErasure {

    private final NamedParameterJdbcTemplate sql;

    SurveyErasure(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @ApplicationModuleListener
    void on(PersonErased event) {
        Map<String, Object> person = Map.of("person", event.personId());
        sql.update("""
                delete from evaluation_link where invitation_id in
                    (select id from evaluation_invitation where person_id = :person)""", person);
        sql.update("""
                delete from evaluation_response_identity where invitation_id in
                    (select id from evaluation_invitation where person_id = :person)""", person);
    }

    @ApplicationModuleListener
    void on(AddressesErased event) {
        if (event.erasedAddressHashes().isEmpty()) {
            return;
        }
        Map<String, Object> hashes = Map.of("hashes", event.erasedAddressHashes());
        sql.update("update survey_contact set name = null, email = null, employer_name = null, erased = true where "
                + AddressHash.sql("email") + " in (:hashes)", hashes);
        sql.update("update interest_registration set name = null, email = null, erased = true where "
                + AddressHash.sql("email") + " in (:hashes)", hashes);
    }
}
