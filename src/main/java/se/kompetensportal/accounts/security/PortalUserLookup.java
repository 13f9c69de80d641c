package se.kompetensportal.accounts.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;

/** Loads a user with roles and scope in one query; runs at login and once per signed-in request. */
@Component
class PortalUserLookup {

    private static final String SELECT = """
            select u.id, u.email, u.display_name, u.password_hash, u.enabled, u.organisation_id,
                   array(select r.role from app_user_role r where r.user_id = u.id) as roles,
                   array(select p.project_id from app_user_project p where p.user_id = u.id) as projects
            from app_user u""";

    private final JdbcTemplate jdbc;

    PortalUserLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PortalUser> byEmail(String email) {
        return jdbc.query(SELECT + " where lower(u.email) = ?", this::map, email.strip().toLowerCase(Locale.ROOT))
                .stream().findFirst();
    }

    Optional<PortalUser> byId(long id) {
        return jdbc.query(SELECT + " where u.id = ?", this::map, id).stream().findFirst();
    }

    private PortalUser map(ResultSet rs, int row) throws SQLException {
        // wasNull() speaks of the column read last, so it is asked right after reading the organisation.
        long organisationId = rs.getLong("organisation_id");
        Long organisation = rs.wasNull() ? null : organisationId;
        return new PortalUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), roles(rs.getArray("roles")),
                organisation, projects(rs.getArray("projects")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Set<Long> projects(Array array) throws SQLException {
        Long[] ids = (Long[]) array.getArray();
        return Arrays.stream(ids).collect(Collectors.toSet());
    }
}
