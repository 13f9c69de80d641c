package se.kompetensportal.timereporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Aggregates over the ledger for the SCB file and the claim pack: one query each, over the ledger's own tables only
 * (the dashboard reads {@link TimeSummary}).
 */
@Component
public class LedgerFigures {

    /** A person's attendance in one month of a project: first and last date attended, whole hours, confirmed. */
    record Span(long personId, YearMonth month, LocalDate first, LocalDate last, long wholeHours, boolean confirmed) {
    }

    /**
     * Whole hours of the people whose month was recorded with this employer, in a year; {@code year} null: the row
     * that counts the employer's distinct people over the whole period.
     */
    record EmployerYear(Long employerId, Integer year, int people, long confirmed, long unconfirmed) {
    }

    private final JdbcTemplate jdbc;

    LedgerFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person-month of the project with attendance up to {@code to} (inclusive), by person and month. */
    List<Span> spans(long projectId, YearMonth to) {
        return jdbc.query("""
                select m.person_id, m.month, min(l.session_date), max(l.session_date), m.minutes / 60,
                       m.status = 'CONFIRMED'
                from time_month m join time_line l on l.time_month_id = m.id
                where m.project_id = ? and m.month <= ?
                group by m.id, m.person_id, m.month, m.minutes, m.status order by m.person_id, m.month""",
                (rs, i) -> new Span(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getBoolean(6)),
                projectId, LedgerStore.first(to));
    }

    /**
     * Whole hours (each person-month's minutes / 60, rounded down, summed) per employer recorded in the ledger and year
     * in [from, to], with one more row per employer ({@code year} null) counting its distinct people: one query, no
     * person ids leave the database.
     */
    List<EmployerYear> employerYears(long projectId, YearMonth from, YearMonth to) {
        // Two aggregates over one scan range rather than count(distinct) with grouping sets: that sorted every
        // person-month (on disk at 10× data); hashing the distinct (employer, person) pairs stays in memory.
        return jdbc.query("""
                select employer_organisation_id, extract(year from month)::int, 0,
                       coalesce(sum(minutes / 60) filter (where status = 'CONFIRMED'), 0),
                       coalesce(sum(minutes / 60) filter (where status <> 'CONFIRMED'), 0), false
                from time_month where project_id = ? and month between ? and ? and minutes >= 60
                group by employer_organisation_id, extract(year from month)
                union all
                select employer_organisation_id, null, count(*), 0, 0, true
                from (select distinct employer_organisation_id, person_id from time_month
                      where project_id = ? and month between ? and ? and minutes >= 60) people
                group by employer_organisation_id""",
                (rs, i) -> new EmployerYear(rs.getObject(1, Long.class), rs.getBoolean(6) ? null : rs.getInt(2),
                        rs.getInt(3), rs.getLong(4), rs.getLong(5)),
                projectId, LedgerStore.first(from), LedgerStore.first(to), projectId, LedgerStore.first(from),
                LedgerStore.first(to));
    }

    /** The people's spans grouped by person, each list by month. */
    static Map<Long, List<Span>> byPerson(List<Span> spans) {
        Map<Long, List<Span>> result = new HashMap<>();
        spans.forEach(s -> result.computeIfAbsent(s.personId(), k -> new ArrayList<>()).add(s));
        return result;
    }
}
