package se.kompetensportal.newsletter.domain;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;

/** The person's newsletter subscriptions (by account or address): project, status, when consent was given or ended. */
@Component
class SubscriptionExport implements PersonalDataExport {

    private final NamedParameterJdbcTemplate sql;
    private final ProjectsApi projects;

    SubscriptionExport(NamedParameterJdbcTemplate sql, ProjectsApi projects) {
        this.sql = sql;
        this.projects = projects;
    }

    @Override
    public String section() {
        return "newsletterSubscriptions";
    }

    @Override
    public Object export(DataSubject subject) {
        if (subject.userId() == null && subject.emails().isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        projects.projects().forEach(p -> names.put(p.id(), p.name()));
        MapSqlParameterSource params = new MapSqlParameterSource("user", subject.userId() == null ? -1L : subject.userId())
                .addValue("hashes", subject.emails().isEmpty() ? List.of("-") : subject.addressHashes());
        return sql.query("""
                select project_id, email, status, locale,
                       to_char(requested_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as requested,
                       to_char(consent_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as consent,
                       to_char(unsubscribed_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as unsubscribed
                from newsletter_subscriber
                where erased_at is null and (user_id = :user or""" + " " + AddressHash.sql("email")
                + " in (:hashes)) order by requested_at", params, (rs, i) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("project", names.get(rs.getLong("project_id")));
                    row.put("email", rs.getString("email"));
                    row.put("status", rs.getString("status"));
                    row.put("language", rs.getString("locale"));
                    row.put("requested", rs.getString("requested"));
                    row.put("consent", rs.getString("consent"));
                    row.put("unsubscribed", rs.getString("unsubscribed"));
                    return row;
                });
    }
}
