package se.kompetensportal.participants.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.projects.TargetGroupInfo;

/**
 * The names of the employers and target groups of one activity's sign-ups, looked up once through the projects module
 * (which owns those tables) before the sign-up rows are read or streamed. A row gives its
 * {@code employer_organisation_id}, {@code employer_name} and {@code target_group_id} columns.
 */
record SignUpLabels(Map<Long, String> organisations, Map<Long, TargetGroupInfo> groups) {

    static SignUpLabels of(JdbcTemplate jdbc, ProjectLookup lookup, long activityId) {
        Set<Long> organisations = new HashSet<>();
        Set<Long> groups = new HashSet<>();
        jdbc.query("""
                select distinct p.employer_organisation_id, s.target_group_id
                from sign_up s join person p on p.id = s.person_id where s.activity_id = ?""",
                (RowCallbackHandler) rs -> {
                    long organisation = rs.getLong(1);
                    if (!rs.wasNull()) {
                        organisations.add(organisation);
                    }
                    long group = rs.getLong(2);
                    if (!rs.wasNull()) {
                        groups.add(group);
                    }
                }, activityId);
        return new SignUpLabels(lookup.organisationNames(organisations), lookup.targetGroups(groups));
    }

    /** The employer organisation's name, else the employer typed as text. */
    String organisation(ResultSet rs) throws SQLException {
        long id = rs.getLong("employer_organisation_id");
        String name = rs.wasNull() ? null : organisations.get(id);
        return name != null ? name : rs.getString("employer_name");
    }

    String targetGroup(ResultSet rs) throws SQLException {
        long id = rs.getLong("target_group_id");
        TargetGroupInfo group = rs.wasNull() ? null : groups.get(id);
        return group == null ? null : group.code();
    }
}
