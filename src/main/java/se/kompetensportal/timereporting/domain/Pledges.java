package se.kompetensportal.timereporting.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * What each actor pledged as co-financing through its employees' time in a project: hours, an amount, or both. Set by
 * the project's secretaries; a change made by someone else since the form was shown answers 409.
 */
@Service
public class Pledges {

    /** An actor's pledge; {@code version} 0 with both values empty: none yet. */
    public record Pledge(long organisationId, String name, Integer hours, BigDecimal amount, long version) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;

    Pledges(JdbcTemplate jdbc, ProjectsApi projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** Every actor of the project with its pledge (or none), by name. Unscoped. */
    @Transactional(readOnly = true)
    public List<Pledge> of(long projectId) {
        Map<Long, Pledge> stored = new HashMap<>();
        jdbc.query("select organisation_id, hours, amount, version from time_pledge where project_id = ?", rs -> {
            int h = rs.getInt("hours");
            Integer hours = rs.wasNull() ? null : h;
            stored.put(rs.getLong(1), new Pledge(rs.getLong(1), null, hours, rs.getBigDecimal("amount"),
                    rs.getLong("version")));
        }, projectId);
        return projects.actors(projectId).stream().map(o -> {
            Pledge p = stored.get(o.id());
            return p == null ? new Pledge(o.id(), o.name(), null, null, 0)
                    : new Pledge(o.id(), o.name(), p.hours(), p.amount(), p.version());
        }).sorted(java.util.Comparator.comparing(Pledge::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @Transactional(readOnly = true)
    public List<Pledge> managed(PortalUser user, long projectId) {
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        user.requireManage(projectId);
        return of(projectId);
    }

    /** Sets the actor's pledge; both values empty removes it. */
    @Transactional
    public void save(PortalUser user, long projectId, long organisationId, Integer hours, BigDecimal amount,
            long version) {
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        long by = user.requireManage(projectId).id();
        OrganisationInfo actor = projects.actors(projectId).stream().filter(o -> o.id() == organisationId).findFirst()
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        Long current = jdbc.query("select version from time_pledge where project_id = ? and organisation_id = ? for update",
                rs -> rs.next() ? rs.getLong(1) : null, projectId, actor.id());
        if ((current == null ? 0L : current) != version) {
            throw new ConcurrentEditException("Pledge", organisationId);
        }
        if (hours == null && amount == null) {
            jdbc.update("delete from time_pledge where project_id = ? and organisation_id = ?", projectId, actor.id());
            return;
        }
        if (amount != null && amount.scale() > 2) {
            throw new FieldRejectedException("amount", "time.pledge.amountScale");
        }
        jdbc.update("""
                insert into time_pledge (project_id, organisation_id, hours, amount, updated_by, version)
                values (?, ?, ?, ?, ?, 1)
                on conflict (project_id, organisation_id) do update set hours = excluded.hours, amount = excluded.amount,
                    updated_by = excluded.updated_by, updated_at = now(), version = time_pledge.version + 1""",
                projectId, actor.id(), hours, amount, by);
    }
}
