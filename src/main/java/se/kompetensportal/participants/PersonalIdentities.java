package se.kompetensportal.participants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;

/**
 * Whole personal identity numbers for the funder's documents (time certificates, the SCB file), for modules that
 * produce them. Every number handed out is logged in the person's access log under the user who asked, exactly like
 * "show the number" in the person register: one log line per person and call. Unscoped: the caller checks that the
 * user may see these people (a secretary of their project).
 */
@Service
public class PersonalIdentities {

    /**
     * @param personalId         the canonical number ({@code 19811228-9874}), or {@code null} when none is recorded
     * @param protectedIdentity  the person has a protected identity: documents carry SCB's code instead
     * @param coordinationNumber the number is a samordningsnummer (day of birth + 60)
     */
    public record Identity(long personId, String personalId, boolean protectedIdentity, boolean coordinationNumber,
            Gender gender) {

        /** The date of birth as {@code YYYYMMDD} (a coordination number's day less 60), or {@code null}. */
        public String birthDate() {
            if (personalId == null) {
                return null;
            }
            String date = personalId.substring(0, 8);
            if (!coordinationNumber) {
                return date;
            }
            int day = Integer.parseInt(date.substring(6, 8)) - 60;
            return date.substring(0, 6) + (day < 10 ? "0" : "") + day;
        }
    }

    private final NamedParameterJdbcTemplate sql;
    private final PersonalDataCipher cipher;

    PersonalIdentities(NamedParameterJdbcTemplate sql, PersonalDataCipher cipher) {
        this.sql = sql;
        this.cipher = cipher;
    }

    /** The people's numbers (every id asked for is in the map), each view logged for {@code viewerUserId}. */
    @Transactional
    public Map<Long, Identity> reveal(Collection<Long> personIds, long viewerUserId) {
        Map<Long, Identity> found = new HashMap<>();
        if (personIds.isEmpty()) {
            return found;
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(personIds));
        for (int i = 0; i < ids.size(); i += 1000) {
            sql.query("""
                    select id, personal_id_encrypted, protected_identity, gender from person where id in (:ids)""",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 1000))), rs -> {
                        String stored = rs.getString("personal_id_encrypted");
                        String pin = stored == null ? null : cipher.decrypt(stored);
                        found.put(rs.getLong("id"), new Identity(rs.getLong("id"), pin,
                                rs.getBoolean("protected_identity"),
                                pin != null && PersonalIdentityNumbers.isCoordinationNumber(pin),
                                Gender.valueOf(rs.getString("gender"))));
                    });
        }
        List<Map<String, Object>> log = new ArrayList<>();
        found.values().stream().filter(p -> p.personalId() != null)
                .forEach(p -> log.add(Map.of("person", p.personId(), "user", viewerUserId)));
        if (!log.isEmpty()) {
            sql.batchUpdate("""
                    insert into personal_id_access (id, person_id, user_id)
                    values (nextval('personal_id_access_seq'), :person, :user)""",
                    log.stream().map(org.springframework.jdbc.core.namedparam.MapSqlParameterSource::new)
                            .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
        }
        return found;
    }
}
