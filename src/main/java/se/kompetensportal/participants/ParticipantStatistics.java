package se.kompetensportal.participants;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates over a project's attendance for the indicators and the steering group's dashboard. Only counts leave this
 * class, never a person. A participant is a person who attended at least one session in the period (seats and sign-ups
 * without attendance do not count), counted once however many sessions or activities they attended. Erased people
 * still count: erasure removes their name and contact data but keeps gender, employer and hours. Periods are inclusive
 * session dates. The figures read the per-person summary (V25_1, {@link ParticipantSummary}: per project and person,
 * and per project, person, track and target group, the days attended as a date multirange, kept by triggers on the
 * attendance), so they cost one row per person whatever the number of sign-ups and sessions.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantStatistics {

    /** Unique participants per track and per target group (key {@code 0}: none given at sign-up). */
    public record Groups(Map<Long, Long> byTrack, Map<Long, Long> byTargetGroup) {
    }

    /** Persons whose first attendance in the period fell in a month. */
    public record MonthCount(YearMonth month, long count) {
    }

    /**
     * The participants of a period at a glance, from one pass over the summary: how many, by gender, by employer
     * organisation (key {@code 0}: not a registered organisation) and new per month (in the month of their first
     * attendance in the period).
     */
    public record Overview(long unique, Map<Gender, Long> byGender, Map<Long, Long> byEmployer,
            List<MonthCount> newPerMonth) {
    }

    /**
     * The period as the queries' first CTE (parameters: project, from, to), and the test for a summary row {@code d}
     * (of {@code participant_person} or {@code participant_days}) that the person attended in it. The plain date
     * columns let the planner estimate the rows and spare the multirange of everyone who came only within the period;
     * the multirange decides for the others. (The test starts with a line break: a text block ending in "where "
     * loses its trailing space.)
     */
    private static final String PERIOD = "with q as (select ?::bigint as p, ?::date as f, ?::date as t)";
    private static final String IN_PERIOD = """

            d.project_id = q.p and d.first_date <= q.t and d.last_date >= q.f
            and ((d.first_date >= q.f and d.last_date <= q.t) or d.days && daterange(q.f, q.t, '[]'))""";

    /**
     * The project's people who attended in the period, with the first day they attended in it: their first day at all
     * when that is in the period, otherwise the first of their day ranges that reaches into it, cut to the period's
     * start (the overlap test guarantees one).
     */
    private static final String ATTENDED = PERIOD + """
            , r as (
                select d.person_id,
                       case when d.first_date >= q.f then d.first_date
                            else (select greatest(lower(x), q.f) from unnest(d.days) x where upper(x) > q.f limit 1)
                       end as first_day
                from participant_person d, q
                where """ + IN_PERIOD + ")\n";

    private final JdbcTemplate jdbc;

    ParticipantStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Plans the figures' queries for their period, for this transaction. After five executions of a prepared
     * statement PostgreSQL may keep a generic plan, which knows neither the period nor how many people it holds: at
     * ten times the people it took the overview from 20 to 57 ms (docs/benchmarks.md, issue 13).
     */
    private void customPlans() {
        jdbc.queryForObject("select set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
    }

    /** Distinct persons who attended at least one session of the project in the period. */
    public long uniqueParticipants(long projectId, LocalDate from, LocalDate to) {
        customPlans();
        Long n = jdbc.queryForObject(PERIOD + " select count(*) from participant_person d, q where " + IN_PERIOD,
                Long.class, projectId, Date.valueOf(from), Date.valueOf(to));
        return n == null ? 0 : n;
    }

    /** The same figures as {@link #uniqueParticipants}, {@link #byGender}, {@link #byEmployer} and {@link
     * #newParticipantsPerMonth}, in one query (grouping sets over one scan). */
    public Overview overview(long projectId, LocalDate from, LocalDate to) {
        customPlans();
        Map<Gender, Long> genders = noneOfEachGender();
        Map<Long, Long> employers = new LinkedHashMap<>();
        List<MonthCount> months = new ArrayList<>();
        long[] unique = {0};
        jdbc.query(ATTENDED + """
                , f as (select person_id, date_trunc('month', first_day)::date as first_month from r)
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
        customPlans();
        Map<Gender, Long> result = noneOfEachGender();
        jdbc.query(PERIOD + """
                 select p.gender, count(*) from participant_person d join person p on p.id = d.person_id, q
                where """ + IN_PERIOD + " group by p.gender",
                rs -> {
                    result.put(Gender.valueOf(rs.getString(1)), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /** New participants per month: each person in the month of their first attendance in the period, months in order. */
    public List<MonthCount> newParticipantsPerMonth(long projectId, LocalDate from, LocalDate to) {
        customPlans();
        List<MonthCount> result = new ArrayList<>();
        jdbc.query(ATTENDED + """
                select date_trunc('month', first_day)::date, count(*) from r group by 1 order by 1""",
                rs -> {
                    result.add(new MonthCount(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2)));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Unique participants by employer organisation (the actor they came from); key {@code 0} for people whose employer
     * is not a registered organisation.
     */
    public Map<Long, Long> byEmployer(long projectId, LocalDate from, LocalDate to) {
        customPlans();
        Map<Long, Long> result = new LinkedHashMap<>();
        jdbc.query(PERIOD + """
                 select coalesce(p.employer_organisation_id, 0), count(*)
                from participant_person d join person p on p.id = d.person_id, q
                where """ + IN_PERIOD + " group by 1 order by 2 desc",
                rs -> {
                    result.put(rs.getLong(1), rs.getLong(2));
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return result;
    }

    /**
     * Unique participants per track of the activities they attended (the track each activity had when its attendance
     * was recorded, moved along when the activity moves to another track) and per target group given at sign-up (key
     * {@code 0}: none); a person counts once in each track and each target group, from one scan of the summary.
     */
    public Groups byTrackAndTargetGroup(long projectId, LocalDate from, LocalDate to) {
        customPlans();
        Map<Long, Long> tracks = new LinkedHashMap<>();
        Map<Long, Long> targetGroups = new LinkedHashMap<>();
        jdbc.query(PERIOD + """
                 select grouping(d.track_id), d.track_id, d.target_group_key, count(distinct d.person_id)
                from participant_days d, q
                where """ + IN_PERIOD + """

                group by grouping sets ((d.track_id), (d.target_group_key))
                order by 1, 4 desc, 2, 3""",
                rs -> {
                    if (rs.getInt(1) == 0) {
                        tracks.put(rs.getLong(2), rs.getLong(4));
                    } else {
                        targetGroups.put(rs.getLong(3), rs.getLong(4));
                    }
                }, projectId, Date.valueOf(from), Date.valueOf(to));
        return new Groups(tracks, targetGroups);
    }

    private static Map<Gender, Long> noneOfEachGender() {
        Map<Gender, Long> counts = new EnumMap<>(Gender.class);
        for (Gender g : Gender.values()) {
            counts.put(g, 0L);
        }
        return counts;
    }
}
