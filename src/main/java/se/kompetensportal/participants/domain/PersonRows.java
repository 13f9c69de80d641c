package se.kompetensportal.participants.domain;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.ProjectLookup;

/**
 * Rows of the person register ({@link PersonRow}) from a query over {@code person p}: the employer's name is the
 * organisation's (looked up for the whole page in one call) where the person has one, else the name they typed.
 */
@Component
class PersonRows {

    /** The select list a query for {@link #query} starts with (followed by its own {@code from person p ...}). */
    static final String COLUMNS = """
            select p.id, p.first_name || ' ' || p.last_name as name, p.email, p.employer_organisation_id,
                   p.employer_name, p.gender, (select count(*) from sign_up s where s.person_id = p.id) as sign_ups,
                   p.erasure_requested_at is not null as requested
            """;

    private record Found(long id, String name, String email, Long employerId, String employerName, Gender gender,
            int signUps, boolean requested) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final ProjectLookup projects;

    PersonRows(NamedParameterJdbcTemplate sql, ProjectLookup projects) {
        this.sql = sql;
        this.projects = projects;
    }

    List<PersonRow> query(String statement, MapSqlParameterSource params) {
        List<Found> found = sql.query(statement, params, (rs, i) -> new Found(rs.getLong("id"), rs.getString("name"),
                rs.getString("email"), rs.getObject("employer_organisation_id", Long.class),
                rs.getString("employer_name"), Gender.valueOf(rs.getString("gender")), rs.getInt("sign_ups"),
                rs.getBoolean("requested")));
        var names = projects.organisationNames(
                found.stream().map(Found::employerId).filter(java.util.Objects::nonNull).distinct().toList());
        return found.stream().map(f -> {
            String organisation = f.employerId() == null ? null : names.get(f.employerId());
            return new PersonRow(f.id(), f.name(), f.email(), organisation != null ? organisation : f.employerName(),
                    f.gender(), f.signUps(), f.requested());
        }).toList();
    }
}
