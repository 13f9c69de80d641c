package se.kompetensportal.timereporting.domain;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;

/** The person's months in the time ledger: hours, whether they were confirmed, how and when, and any dispute. */
@Component
class TimeExport implements PersonalDataExport {

    private final NamedParameterJdbcTemplate sql;
    private final ProjectsApi projects;

    TimeExport(NamedParameterJdbcTemplate sql, ProjectsApi projects) {
        this.sql = sql;
        this.projects = projects;
    }

    @Override
    public String section() {
        return "timeConfirmations";
    }

    @Override
    public Object export(DataSubject subject) {
        if (subject.personIds().isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        projects.projects().forEach(p -> names.put(p.id(), p.name()));
        return sql.query("""
                select project_id, to_char(month, 'YYYY-MM') as month, minutes / 60 as hours, status, method,
                       to_char(answered_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as answered,
                       dispute_comment, paper
                from time_month where person_id in (:people) order by month, project_id""",
                Map.of("people", subject.personIds()), (rs, i) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("project", names.get(rs.getLong("project_id")));
                    row.put("month", rs.getString("month"));
                    row.put("hours", rs.getInt("hours"));
                    row.put("status", rs.getString("status"));
                    row.put("method", rs.getString("method"));
                    row.put("answered", rs.getString("answered"));
                    row.put("disputeComment", rs.getString("dispute_comment"));
                    row.put("onPaper", rs.getBoolean("paper"));
                    return row;
                });
    }
}
