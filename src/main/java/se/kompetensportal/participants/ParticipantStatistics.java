package se.kompetensportal.participants;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates over a project's attendance for the indicators and the steering group's dashboard. Only counts leave this
 * class, never a person. A participant is a person who attended at least one session in the period (seats and sign-ups
 * without attendance do not count), counted once however many sessions or activities they attended. Erased people
 * still count: erasure removes their name and contact data but keeps gender, employer and hours. Periods are inclusive
 * session dates. The participant figures read the summary (V24_1, {@link ParticipantSummary}: per sign-up, and per
 * sign-up and month, the first and last date attended, kept by triggers on the attendance), not the attendance rows:
 * a sign-up whose first date falls in the period counts from that date's month; only one that began before the period
 * and lasted into it reads its months, and only a month holding the whole period strictly between its first and last
 * date asks the attendance.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantStatistics {

    /** Persons whose first attendance in the period fell in a month. */
    public record MonthCount(YearMonth month, long count) {
    }

    /**
     * The participants of a period at a glance, from one pass over the attendance: how many, by gender, by employer
     * organisation (key {@code 0}: not a registered organisation) and new per month (in the month of their first
     * attendance in the period).
     */
    public record Overview(long unique, Map<Gender, Long> byGender, Map<Long, Long> byEmployer,
            List<MonthCount> newPerMonth) {
    }

    /**
     * The sign-ups attended in the period (parameters: project, from, to): person, sign-up, activity and a month of
     * attendance in the period, among them the month of the person's first attendance in the period. The months of a
     * sign-up that began before the period are looked up per sign-up ({@code offset 0} keeps the lateral subquery a
     * nested loop over the primary key instead of a scan of every month row).
     */
    private static final String ATTENDED = """
            with q as (select ?::bigint as p, ?::date as f, ?::date as t),
            sp as (
                select s.person_id, s.sign_up_id, s.activity_id, s.first_date
                from q join participant_span s on s.project_id = q.p and s.first_date <= q.t and s.last_date >= q.f),
            r as (
                select sp.person_id, sp.sign_up_id, sp.activity_id, date_trunc('month', sp.first_date)::date as month
                from sp, q where sp.first_date >= q.f
                union all
                select m.person_id, m.sign_up_id, m.activity_id, m.month
                from q join sp on sp.first_date < q.f cross join lateral (
                    select m.* from participant_month m
                    where m.project_id = q.p and m.person_id = sp.person_id and m.sign_up_id = sp.sign_up_id
                      and m.month between date_trunc('month', q.f)::date and q.t
                      and m.first_date <= q.t and m.last_date >= q.f offset 0) m
                where m.first_date >= q.f or m.last_date <= q.t or exists (
                    select 1 from attendance a where a.person_id = m.person_id and a.sign_up_id = m.sign_up_id
                    and a.attended and a.session_date between q.f and q.t))
            """;

    private final JdbcTemplate jdbc;

    ParticipantStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Distinct persons who attended at least one session of the project in the period. */
    public long uniqueParticipants(long projectId, LocalDate from, LocalDate to) {
        Long n = jdbc.queryForObject(ATTENDED + "select count(distinct person_id) from r", Long.class,
                projectId, Date.valueOf(from), Date.valueOf(to));
        return n == null ? 0 : n;
    }

    /** The same figures as {@link #uniqueParticipants}, {@link #byGender}, {@link #byEmployer} and {@link
     * #newParticipantsPerMonth}, in one query (grouping sets over one scan). */
    public Overview overview(long projectId, LocalDate from, LocalDate to) {
        Map<Gender, Long> genders = new EnumMap<>(Gender.class);
        for (Gender g : Gender.values()) {
            genders.put(g, 0L);
        }
        Map<Long, Long> employers = new LinkedHashMap<>();
        List<MonthCount> months = new ArrayList<>();
        long[] unique = {0};
        jdbc.query(ATTENDED + """
                , f as (select person_id, min(month) as first_month from r group by person_id)
                select grouping(p.gender), grouping(p.employer_organisation_id), grouping(f.first_month),
                       p.gender, coalesce(p.employer_organisation_id, 0), f.first_month, count(*)
                from f join person p on p.id = f.person_id
                group by grouping sets ((p.gender), (p.employer_organisation_id), (f.first_month), ())
                order by 1, 2, 3, 7 desc, 6""",
                rs -> {
                    boolean gender = rs.getInt(1) == 0;
                    boolean employer = rs.getInt(2) == 0;
                    boolean month = rs.getInt(3) == 0;
                    long n = rs.getLong(7);
                    if (gender) {
                        genders.put(Gender.valueOf(rs.getString(4)), n);
                    } else if (employer) {
                        employers.put(rs.getLong(5), n);
                    } else if (month) {
                        months.add(new MonthCount(YearMonth.from(rs.getDate(6).toLocalDate()), n));
                    } else {
                        unique[0] = n;
                    }
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        months.sort(java.util.Comparator.comparing(MonthCount::month));
        return new Overview(unique[0], genders, employers, months);
    }

    /** Unique participants by their stated gender (every gender present, zero where nobody). */
    public Map<Gender, Long> byGender(long projectId, LocalDate from, LocalDate to) {
        Map<Gender, Long> result = new EnumMap<>(Gender.class);
        for (Gender g : Gender.values()) {
            result.put(g, 0L);
        }
        jdbc.query(ATTENDED + """
                select p.gender, count(*) from person p
                join (select distinct person_id from r) a on a.person_id = p.id
                group by p.gender""",
                rs -> {
                    result.put(Gender.valueOf(rs.getString(1)), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /** New participants per month: each person in the month of their first attendance in the period, months in order. */
    public List<MonthCount> newParticipantsPerMonth(long projectId, LocalDate from, LocalDate to) {
        List<MonthCount> result = new ArrayList<>();
        jdbc.query(ATTENDED + """
                select first_month, count(*) from (select person_id, min(month) first_month from r group by person_id) f
                group by 1 order by 1""",
                rs -> {
                    result.add(new MonthCount(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2)));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Unique participants per group of activities, such as the activities' tracks: {@code activityToGroup} gives each
     * activity's group (the caller knows the activities); a person counts once in each group they attended.
     * Attendance at activities missing from the map is not counted.
     */
    public Map<Long, Long> byActivityGroup(long projectId, LocalDate from, LocalDate to, Map<Long, Long> activityToGroup) {
        Map<Long, Long> result = new HashMap<>();
        if (activityToGroup.isEmpty()) {
            return result;
        }
        Long[] activities = activityToGroup.keySet().toArray(Long[]::new);
        Long[] groups = new Long[activities.length];
        for (int i = 0; i < activities.length; i++) {
            groups[i] = activityToGroup.get(activities[i]);
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(ATTENDED + """
                    select g.group_id, count(distinct r.person_id)
                    from r join unnest(?::bigint[], ?::bigint[]) as g(activity_id, group_id) on g.activity_id = r.activity_id
                    group by g.group_id""");
            ps.setLong(1, projectId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.setArray(4, con.createArrayOf("bigint", activities));
            ps.setArray(5, con.createArrayOf("bigint", groups));
            return ps;
        }, rs -> {
            result.put(rs.getLong(1), rs.getLong(2));
        });
        return result;
    }

    /**
     * Unique participants by employer organisation (the actor they came from); key {@code 0} for people whose employer
     * is not a registered organisation.
     */
    public Map<Long, Long> byEmployer(long projectId, LocalDate from, LocalDate to) {
        Map<Long, Long> result = new LinkedHashMap<>();
        jdbc.query(ATTENDED + """
                select coalesce(p.employer_organisation_id, 0), count(*) from person p
                join (select distinct person_id from r) a on a.person_id = p.id
                group by 1 order by 2 desc""",
                rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Unique participants by the target group given at sign-up; key {@code 0} for sign-ups without one. A person who
     * signed up in two groups counts once in each.
     */
    public Map<Long, Long> byTargetGroup(long projectId, LocalDate from, LocalDate to) {
        Map<Long, Long> result = new LinkedHashMap<>();
        jdbc.query(ATTENDED + """
                select coalesce(s.target_group_id, 0), count(distinct r.person_id)
                from r join sign_up s on s.id = r.sign_up_id
                group by 1 order by 2 desc""",
                rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Confirmed participant hours per calendar year as the funder counts them: whole hours (rounded down) per person and
     * month, summed. Years in order.
     */
    public Map<Integer, Long> hoursByYear(long projectId, LocalDate from, LocalDate to) {
        Map<Integer, Long> result = new TreeMap<>();
        jdbc.query("""
                select extract(year from month)::int, sum(minutes / 60) from (
                    select person_id, date_trunc('month', session_date) as month, sum(minutes) as minutes
                    from attendance
                    where project_id = ? and attended and session_date between ? and ?
                    group by person_id, date_trunc('month', session_date)) m
                group by 1 order by 1""",
                rs -> {
                    result.put(rs.getInt(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }
}
