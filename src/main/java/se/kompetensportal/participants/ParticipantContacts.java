package se.kompetensportal.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person is, for modules that write to participants or list them (the time ledger's mails and pages): name,
 * e-mail, language, employer, and their user account. Unscoped: the caller decides who may see whom. Erased people are
 * returned with {@code erased} set and no usable name or address.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantContacts {

    /**
     * @param employerOrganisationId the registered organisation employing the person, or {@code null}
     * @param employerName           the employer as typed when it is not a registered organisation
     */
    public record PersonContact(long id, String firstName, String lastName, String email, Locale locale, Long userId,
            Long employerOrganisationId, String employerName, boolean erased) {

        public String name() {
            return erased ? "–" : firstName + " " + lastName;
        }

        /** Whether mails can reach the person (not erased, an address that is not a placeholder). */
        public boolean reachable() {
            return !erased && email != null && !email.endsWith(".invalid");
        }
    }

    private final NamedParameterJdbcTemplate sql;

    ParticipantContacts(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    public Optional<PersonContact> contact(long personId) {
        return Optional.ofNullable(contacts(List.of(personId)).get(personId));
    }

    /** The people with these ids (unknown ids are left out), in one query. */
    public Map<Long, PersonContact> contacts(Collection<Long> personIds) {
        Map<Long, PersonContact> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        sql.query("""
                select id, first_name, last_name, email, locale, user_id, employer_organisation_id, employer_name,
                       erased_at is not null as erased
                from person where id in (:ids)""", Map.of("ids", personIds), rs -> {
            long userId = rs.getLong("user_id");
            Long user = rs.wasNull() ? null : userId;
            long organisationId = rs.getLong("employer_organisation_id");
            Long organisation = rs.wasNull() ? null : organisationId;
            found.put(rs.getLong("id"), new PersonContact(rs.getLong("id"), rs.getString("first_name"),
                    rs.getString("last_name"), rs.getString("email"), Locale.of(rs.getString("locale")), user,
                    organisation, rs.getString("employer_name"), rs.getBoolean("erased")));
        });
        return found;
    }

    /** The active person record of a user account (the participant's own), if any. */
    public Optional<Long> personOfUser(long userId) {
        return sql.queryForList("""
                select id from person where user_id = :user and merged_into is null and erased_at is null
                order by id limit 1""", Map.of("user", userId), Long.class).stream().findFirst();
    }
}
