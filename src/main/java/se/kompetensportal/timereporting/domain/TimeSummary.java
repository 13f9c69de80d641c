package se.kompetensportal.timereporting.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.locks.ProjectWriterLock;

/**
 * The ledger's summary for the dashboard: per project, employer and month the whole hours confirmed and not, and the
 * people whose first month of a whole hour with that employer it is ({@code time_summary}, V20_1). Statement triggers
 * on {@code time_month} keep it current whatever writes the ledger; {@link #rebuild} recomputes it from the ledger
 * with the same rows (the nightly ledger rebuild ends with it). Reading it costs the same at any number of people:
 * its rows grow with employers × months only.
 */
@Component
public class TimeSummary {

    /** One row of the summary; {@code employerKey} 0: an employer that is no registered organisation. */
    public record Row(long employerKey, LocalDate month, long confirmedHours, long unconfirmedHours, int newPeople) {
    }

    private final JdbcTemplate jdbc;

    TimeSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whole hours per year of the months in [from, to] (dates, by month): {confirmed, unconfirmed} per year. */
    public Map<Integer, long[]> hoursByYear(long projectId, LocalDate from, LocalDate to) {
        Map<Integer, long[]> years = new HashMap<>();
        jdbc.query("""
                select extract(year from month)::int, sum(confirmed_hours), sum(unconfirmed_hours)
                from time_summary where project_id = ? and month between ? and ?
                group by extract(year from month) having sum(confirmed_hours) + sum(unconfirmed_hours) > 0""",
                rs -> {
                    years.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, projectId, Date.valueOf(YearMonth.from(from).atDay(1)), Date.valueOf(YearMonth.from(to).atDay(1)));
        return years;
    }

    /**
     * The same rows as {@link LedgerFigures#employerYears} for every month up to {@code to}: hours per employer and
     * year, and per employer ({@code year} null) its people, as the sum of the people who began with it by then.
     */
    List<LedgerFigures.EmployerYear> employerYearsToDate(long projectId, YearMonth to) {
        return jdbc.query("""
                select nullif(employer_key, 0), extract(year from month)::int, 0, sum(confirmed_hours),
                       sum(unconfirmed_hours), false
                from time_summary where project_id = ? and month <= ?
                group by employer_key, extract(year from month)
                having sum(confirmed_hours) + sum(unconfirmed_hours) > 0
                union all
                select nullif(employer_key, 0), null, sum(new_people)::int, 0, 0, true
                from time_summary where project_id = ? and month <= ?
                group by employer_key having sum(new_people) > 0""",
                (rs, i) -> new LedgerFigures.EmployerYear(rs.getObject(1, Long.class),
                        rs.getBoolean(6) ? null : rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)),
                projectId, LedgerStore.first(to), projectId, LedgerStore.first(to));
    }

    /** The project's summary rows, by employer and month. */
    public List<Row> rows(long projectId) {
        return jdbc.query("""
                select employer_key, month, confirmed_hours, unconfirmed_hours, new_people from time_summary
                where project_id = ? order by employer_key, month""",
                (rs, i) -> new Row(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5)), projectId);
    }

    /**
     * Recomputes the project's summary from its ledger months (under the lock the triggers take for the project's
     * people) and returns whether it differed from what the triggers had kept.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean rebuild(long projectId) {
        jdbc.queryForList("select pg_advisory_xact_lock(" + ProjectWriterLock.KEY + ", ?::int)", Long.valueOf(projectId));
        List<Row> before = rows(projectId);
        jdbc.update("delete from time_summary where project_id = ?", projectId);
        jdbc.update("delete from time_summary_person where project_id = ?", projectId);
        jdbc.update("""
                insert into time_summary_person (project_id, person_id, employer_key, first_month)
                select project_id, person_id, coalesce(employer_organisation_id, 0), min(month)
                from time_month where project_id = ? and minutes >= 60 group by 1, 2, 3""", projectId);
        jdbc.update("""
                insert into time_summary (project_id, employer_key, month, confirmed_hours, unconfirmed_hours,
                                          new_people)
                select project_id, employer_key, month, sum(c), sum(u), sum(n)
                from (select project_id, coalesce(employer_organisation_id, 0) as employer_key, month,
                             case when status = 'CONFIRMED' then minutes / 60 else 0 end as c,
                             case when status = 'CONFIRMED' then 0 else minutes / 60 end as u, 0 as n
                      from time_month where project_id = ?
                      union all
                      select project_id, employer_key, first_month, 0, 0, 1 from time_summary_person
                      where project_id = ?) x
                group by 1, 2, 3
                having sum(c) <> 0 or sum(u) <> 0 or sum(n) <> 0""", projectId, projectId);
        return !before.equals(rows(projectId));
    }
}
