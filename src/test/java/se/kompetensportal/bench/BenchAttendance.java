package se.kompetensportal.bench;

import java.time.YearMonth;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.web.Formats;

/**
 * The attendance behind {@link LedgerBenchmark}'s dashboard ledger, in bulk SQL, so that the dashboard's participant
 * figures (unique participants, gender, the curve, the breakdowns) have as many rows to count as a real project of that
 * size: the 24 months are eight three-month slots with four parallel courses each (one course in two per target
 * group, half the courses in a second track); every person takes one course per slot ({@code person % 4}), two 3.5-hour
 * sessions a month, so each person has 8 sign-ups and 48 attendance rows, as many sessions as the ledger's lines.
 */
final class BenchAttendance {

    private BenchAttendance() {
    }

    /** The 32 courses and their 192 sessions of the project, over the 24 months the ledger covers. */
    static void courses(JdbcTemplate jdbc, long project) {
        YearMonth first = YearMonth.now(Formats.ZONE).minusMonths(24);
        jdbc.update("insert into track (id, project_id, position, name) values (nextval('track_seq'), ?, 2, 'Spår 2')",
                project);
        jdbc.update("""
                insert into target_group (id, project_id, code, name)
                select nextval('target_group_seq'), ?, 'MG' || g, 'Målgrupp ' || g from generate_series(1, 2) g""", project);
        LedgerBenchmark.step(jdbc, "dashboard courses and sessions", """
                drop table if exists bench_da;
                create table bench_da as
                select nextval('activity_seq') as id, k, c, (date '%1$s' + interval '3 months' * k)::date as first_day,
                       (select id from track where project_id = %2$d order by position offset (c %% 2) limit 1) as track_id,
                       (select id from target_group where project_id = %2$d order by code offset (c %% 2)
                        limit 1) as target_group_id
                from generate_series(0, 7) k, generate_series(0, 3) c;
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, published_at, completed_at,
                                      first_start, last_end, session_count, total_minutes)
                select a.id, %2$d, a.track_id, 'COURSE', 'Bänkkurs ' || a.k || '-' || a.c, 'BASIC', 'sv', 1000000, 1000,
                       a.first_day - 2, a.first_day - 3, 'COMPLETED', a.first_day - 60, a.first_day + 90,
                       a.first_day + 7 + time '09:00', a.first_day + 74 + time '12:30', 6, 1260
                from bench_da a;
                insert into activity_session (id, activity_id, starts_at, ends_at)
                select nextval('activity_session_seq'), a.id,
                       ((a.first_day + interval '1 month' * m)::date + 7 * (s + 1) + time '09:00') at time zone 'Europe/Stockholm',
                       ((a.first_day + interval '1 month' * m)::date + 7 * (s + 1) + time '12:30') at time zone 'Europe/Stockholm'
                from bench_da a, generate_series(0, 2) m, generate_series(0, 1) s""".formatted(first.atDay(1), project));
    }

    /** Sign-ups and attendance of {@code count} people from {@code personBase}: one course per slot each. */
    static void attendance(JdbcTemplate jdbc, long project, long personBase, int count) {
        LedgerBenchmark.step(jdbc, "sign-ups and attendance " + count + " people", """
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token, confirmed_at,
                                     target_group_id)
                select nextval('sign_up_seq'), a.id, %1$d, %2$d + g, 'CONFIRMED', md5('bench-da' || a.id || '-' || (%2$d + g)),
                       a.first_day - 20, case when g %% 3 = 0 then null else a.target_group_id end
                from bench_da a join generate_series(0, %3$d - 1) g on a.c = g %% 4;
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended, session_minutes)
                select s.id, su.person_id, su.id, su.activity_id, su.project_id, ac.track_id,
                       (s.starts_at at time zone 'Europe/Stockholm')::date, 210 - (su.person_id %% 4) * 15 * (s.id %% 2),
                       su.person_id %% 17 <> 0 or s.id %% 3 <> 0, 210
                from sign_up su join activity_session s on s.activity_id = su.activity_id
                join activity ac on ac.id = su.activity_id
                where su.project_id = %1$d and su.person_id between %2$d and %2$d + %3$d - 1"""
                .formatted(project, personBase, count));
        jdbc.execute("vacuum analyze sign_up");
        jdbc.execute("vacuum analyze attendance");
    }

    /** Attendance rows of the project and how many of them are attended, for the report. */
    static String counts(JdbcTemplate jdbc, long project) {
        var r = jdbc.queryForMap("select count(*) as n, count(*) filter (where attended) as a from attendance "
                + "where project_id = ?", project);
        return String.format(Locale.ROOT, "%,d (%,d attended)", (Long) r.get("n"), (Long) r.get("a"));
    }
}
