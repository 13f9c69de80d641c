package se.kompetensportal.timereporting.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;

/** The person's explicit exits from projects, as the secretary recorded them for the SCB file: date and reason. */
@Component
class ExitExport implements PersonalDataExport {

    private final NamedParameterJdbcTemplate sql;
    private final ProjectsApi projects;

    ExitExport(NamedParameterJdbcTemplate sql, ProjectsApi projects) {
        this.sql = sql;
        this.projects = projects;
    }

    @Override
    public String section() {
        return "projectExits";
    }

    @Override
    public Object export(DataSubject subject) {
        if (subject.personIds().isEmpty()) {
            return List.of();
        }
        record Row(long projectId, String date, String reason, String recorded) {
        }
        List<Row> rows = sql.query("""
                select project_id, to_char(exit_date, 'YYYY-MM-DD') as exit_date, reason,
                       to_char(recorded_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as recorded
                from time_exit where person_id in (:people) order by exit_date, project_id""",
                Map.of("people", subject.personIds()), (rs, i) -> new Row(rs.getLong("project_id"),
                        rs.getString("exit_date"), rs.getString("reason"), rs.getString("recorded")));
        Map<Long, String> names = new java.util.HashMap<>();
        for (ProjectInfo p : projects.projects()) {
            names.put(p.id(), p.name());
        }
        return rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("project", names.get(r.projectId()));
            row.put("date", r.date());
            row.put("reason", r.reason());
            row.put("recorded", r.recorded());
            return row;
        }).toList();
    }
}
