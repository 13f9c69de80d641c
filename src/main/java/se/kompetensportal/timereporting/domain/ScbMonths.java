package se.kompetensportal.timereporting.domain;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.timereporting.ScbMonth;

/**
 * Which months of a project were reported to SCB, and which must be sent again after a change ({@code
 * time_scb_month}): a correction or change of a reported month flags it and every later reported month.
 */
@Component
public class ScbMonths {

    private final JdbcTemplate jdbc;

    ScbMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ScbMonth> of(long projectId) {
        return jdbc.query("""
                select project_id, month, reported_at, reported_by, needs_resend, flagged_at, flag_reason
                from time_scb_month where project_id = ? order by month""",
                (rs, i) -> new ScbMonth(rs.getLong("project_id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                        LedgerStore.instant(rs, "reported_at"), LedgerStore.nullableLong(rs, "reported_by"), rs.getBoolean("needs_resend"),
                        LedgerStore.instant(rs, "flagged_at"), rs.getString("flag_reason")), projectId);
    }

    public void markReported(long projectId, YearMonth month, long userId) {
        jdbc.update("""
                insert into time_scb_month (project_id, month, reported_at, reported_by, needs_resend)
                values (?, ?, now(), ?, false)
                on conflict (project_id, month) do update set reported_at = now(), reported_by = excluded.reported_by,
                    needs_resend = false, flagged_at = null, flag_reason = null""", projectId, LedgerStore.first(month), userId);
    }

    /**
     * If the project's month was reported to SCB, flags it and every later reported month for sending again; returns
     * how many months were flagged.
     */
    public int flagFrom(long projectId, YearMonth month, String reason) {
        return jdbc.update("""
                update time_scb_month set needs_resend = true, flagged_at = now(), flag_reason = ?
                where project_id = ? and month >= ? and reported_at is not null
                  and exists (select 1 from time_scb_month r where r.project_id = ? and r.month = ?
                              and r.reported_at is not null)""",
                reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason,
                projectId, LedgerStore.first(month), projectId, LedgerStore.first(month));
    }
}
