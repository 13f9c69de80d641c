package se.kompetensportal.participants;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of a project's register chosen as recipients of a survey: by their employer (an actor), by the target group
 * they signed up in, or by the activities they attended. The register of a project is the people with a sign-up in
 * it (as the secretary's person register shows them). Erased and merged people are never chosen. Unscoped: the caller
 * checks that the user manages the project.
 */
@Service
@Transactional(readOnly = true)
public class PersonSelection {

    /**
     * A person to write to.
     *
     * @param employerId    the employing organisation, if it is registered
     * @param targetGroupId the target group the person was chosen by (or signed up in for the activity), if any
     */
    public record Contact(long personId, String email, String firstName, String lastName, Locale locale,
            Long employerId, Long targetGroupId) {
    }

    private static final String COLUMNS = """
            p.id, p.email, p.first_name, p.last_name, p.locale, p.employer_organisation_id""";
    private static final String ACTIVE = "p.erased_at is null and p.merged_into is null";

    private final NamedParameterJdbcTemplate jdbc;

    PersonSelection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** People of the project's register employed by one of the organisations. */
    public List<Contact> employedBy(long projectId, Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + ", null from person p where " + ACTIVE
                        + " and p.employer_organisation_id in (:orgs)"
                        + " and exists (select 1 from sign_up s where s.person_id = p.id and s.project_id = :project)"
                        + " order by p.last_name, p.first_name, p.id",
                new MapSqlParameterSource("project", projectId).addValue("orgs", organisationIds), PersonSelection::map);
    }

    /** People who signed up for the project in one of the target groups (cancelled sign-ups included), with it. */
    public List<Contact> inTargetGroups(long projectId, Collection<Long> targetGroupIds) {
        if (targetGroupIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select distinct on (p.id) " + COLUMNS + ", s.target_group_id from person p"
                        + " join sign_up s on s.person_id = p.id and s.project_id = :project and s.target_group_id in (:groups)"
                        + " where " + ACTIVE + " order by p.id, s.created_at desc",
                new MapSqlParameterSource("project", projectId).addValue("groups", targetGroupIds), PersonSelection::map);
    }

    /**
     * People whose attendance at one of the project's activities was recorded, with the target group of their sign-up
     * (of the latest such activity).
     */
    public List<Contact> attended(long projectId, Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select distinct on (p.id) " + COLUMNS + ", s.target_group_id from person p"
                        + " join attendance a on a.person_id = p.id and a.attended and a.project_id = :project"
                        + "   and a.activity_id in (:activities)"
                        + " join sign_up s on s.id = a.sign_up_id"
                        + " where " + ACTIVE + " order by p.id, a.session_date desc",
                new MapSqlParameterSource("project", projectId).addValue("activities", activityIds), PersonSelection::map);
    }

    /** The current address, name and language of the people (erased and merged people left out), by id. */
    public Map<Long, Contact> contacts(Collection<Long> personIds) {
        Map<Long, Contact> contacts = new java.util.HashMap<>();
        if (personIds.isEmpty()) {
            return contacts;
        }
        jdbc.query("select " + COLUMNS + ", null from person p where p.id in (:ids) and " + ACTIVE,
                Map.of("ids", personIds), rs -> {
                    Contact c = map(rs, 0);
                    contacts.put(c.personId(), c);
                });
        return contacts;
    }

    private static Contact map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Locale.of(rs.getString(5)),
                (Long) rs.getObject(6), (Long) rs.getObject(7));
    }
}
