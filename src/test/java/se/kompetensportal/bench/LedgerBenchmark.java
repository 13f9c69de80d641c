package se.kompetensportal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.timereporting.domain.ClaimPackJobs;
import se.kompetensportal.timereporting.domain.LedgerRebuild;

/**
 * Benchmark of the time ledger (issue 12, docs/benchmarks.md). Starts the portal on a temporary embedded PostgreSQL
 * with the demo data, then:
 *
 * <ol>
 * <li><b>Claim pack</b>: a project with {@code people} participants (1 000) employed by ten actors, each attending three
 *     7-hour sessions (some partly) in each of the last {@code months} months (6) that are over, written as attendance
 *     rows and turned into the ledger by the real rebuild; two months in three confirmed. A pack for the whole range is
 *     queued and built by the real job ({@link ClaimPackJobs#buildQueued()}, as the scheduler calls it) while the heap in
 *     use and the process's resident set are sampled every {@code sampleMs} (500).</li>
 * <li><b>Dashboard from the ledger</b>: another project with {@code dashPeople} (2 000) participants × 24 months of
 *     ledger (two lines a month, three months in four confirmed): 1×. The steering group's dashboard is asked for over
 *     HTTP with a different period each time (a day earlier), so neither the dashboard cache nor the page cache answers
 *     and every request computes it from scratch; {@code warmup} (20) then {@code requests} (100) timed. Then nine
 *     times as many people are added to the same project (10×) and it is timed again. Each person also has the
 *     sign-ups and attendance rows behind the ledger ({@link BenchAttendance}), so the 10× run has ten times the people,
 *     sign-ups and attendance that the participant figures count.</li>
 * </ol>
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.LedgerBenchmark
 * -Dbench.args=""}; {@code -Dpack=false} or {@code -Ddashboard=false} skips a part; {@code -Dstatements=true} prints the
 * statements that took the most time during each dashboard run ({@link StatementCounter}).
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
                .run("--server.port=0", "--kp.embedded-db.data-dir=", "--kp.demo.enabled=true",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--kp.base-url=http://localhost",
                        "--kp.mail.send-interval=PT1H", "--kp.timereporting.claim-pack-interval=PT1H");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, Java %s, max heap %d MB; date %s; load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, LocalDate.now(), load());
        int status = 1;
        try {
            if (!"false".equals(System.getProperty("pack"))) {
                claimPack(context, jdbc);
            }
            if (!"false".equals(System.getProperty("dashboard"))) {
                dashboard(jdbc, port);
            }
            System.out.printf(Locale.ROOT, "Load average at the end %.2f%n", load());
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace(); // System.exit below would otherwise hide it
            throw e;
        } finally {
            context.close();
            System.exit(status); // the scheduler's threads would keep the JVM up after an exception
        }
    }

    private static void claimPack(ConfigurableApplicationContext context, JdbcTemplate jdbc) throws Exception {
        int people = Integer.getInteger("people", 1000);
        int months = Integer.getInteger("months", 6);
        YearMonth to = YearMonth.now(Formats.ZONE).minusMonths(1);
        YearMonth from = to.minusMonths(months - 1);
        long t0 = System.nanoTime();
        long project = project(jdbc, "Bench claim pack");
        long personBase = people(jdbc, project, people);
        step(jdbc, "activities, sessions, sign-ups, attendance", """
                create table bench_cm as
                select nextval('activity_seq') as id, m, (date '%1$s' + interval '1 month' * m)::date as first_day
                from generate_series(0, %2$d - 1) m;
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, published_at, completed_at,
                                      first_start, last_end, session_count, total_minutes)
                select a.id, %3$d, (select min(id) from track where project_id = %3$d), 'COURSE', 'Bänkkurs ' || a.m,
                       'BASIC', 'sv', 100000, 1000, a.first_day - 2, a.first_day - 3, 'COMPLETED', a.first_day - 60,
                       a.first_day + 20, a.first_day + time '09:00', a.first_day + 14 + time '16:00', 3, 1260
                from bench_cm a;
                insert into activity_session (id, activity_id, starts_at, ends_at)
                select nextval('activity_session_seq'), a.id, (a.first_day + 7 * s + time '09:00') at time zone 'Europe/Stockholm',
                       (a.first_day + 7 * s + time '16:00') at time zone 'Europe/Stockholm'
                from bench_cm a, generate_series(0, 2) s;
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token, confirmed_at)
                select nextval('sign_up_seq'), a.id, %3$d, %4$d + g, 'CONFIRMED', md5('bench-cp' || a.id || '-' || g),
                       a.first_day - 20
                from bench_cm a, generate_series(0, %5$d - 1) g;
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended, session_minutes)
                select s.id, su.person_id, su.id, su.activity_id, su.project_id, ac.track_id,
                       (s.starts_at at time zone 'Europe/Stockholm')::date, 420 - (su.person_id %% 4) * 25, true, 420
                from sign_up su join activity_session s on s.activity_id = su.activity_id
                join activity ac on ac.id = su.activity_id
                where su.project_id = %3$d""".formatted(from.atDay(1), months, project, personBase, people));
        long t = System.nanoTime();
        context.getBean(LedgerRebuild.class).rebuild(project);
        System.out.printf(Locale.ROOT, "  %-44s %.1f s%n", "ledger rebuilt from the attendance", (System.nanoTime() - t) / 1e9);
        jdbc.update("""
                update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER'
                where project_id = ? and (person_id + extract(month from month)::int) % 3 <> 0""", project);
        jdbc.execute("vacuum analyze");
        System.out.printf(Locale.ROOT, "Claim pack data: %,d person-months, %,d ledger lines in %.0f s%n",
                jdbc.queryForObject("select count(*) from time_month where project_id = ?", Long.class, project),
                jdbc.queryForObject("select count(*) from time_line l join time_month m on m.id = l.time_month_id "
                        + "where m.project_id = ?", Long.class, project), (System.nanoTime() - t0) / 1e9);

        long admin = jdbc.queryForObject("select id from app_user where email = 'admin@kompetensportal.example'", Long.class);
        long pack = jdbc.queryForObject("select nextval('time_claim_pack_seq')", Long.class);
        jdbc.update("insert into time_claim_pack (id, project_id, from_month, to_month, requested_by) values (?, ?, ?, ?, ?)",
                pack, project, from.atDay(1), to.atDay(1), admin);
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<String> samples = new ArrayList<>();
        long[] peak = new long[2];
        long start = System.nanoTime();
        long[] cpu = new long[1];
        // "exec" in the name: Profile (-Dprofile=true) samples the threads so named.
        Thread builder = Thread.ofPlatform().name("exec-claim-pack").start(() -> {
            context.getBean(ClaimPackJobs.class).buildQueued();
            cpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        });
        int sampleMs = Integer.getInteger("sampleMs", 500);
        if (Boolean.getBoolean("profile")) {
            Profile.of(() -> {
                builder.join();
                return null;
            });
        }
        while (builder.isAlive()) {
            builder.join(sampleMs);
            long heap = memory.getHeapMemoryUsage().getUsed();
            long rss = rss();
            peak[0] = Math.max(peak[0], heap);
            peak[1] = Math.max(peak[1], rss);
            Integer done = jdbc.queryForObject("select steps_done from time_claim_pack where id = ?", Integer.class, pack);
            samples.add(String.format(Locale.ROOT, "| %.1f | %d | %d | %d |", (System.nanoTime() - start) / 1e9, done,
                    heap >> 20, rss >> 20));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var result = jdbc.queryForMap("select status, steps_done, steps_total, size_bytes, failure from time_claim_pack "
                + "where id = ?", pack);
        System.out.printf(Locale.ROOT, "%nClaim pack %s–%s for %,d participants: %s in %.1f s, %s of %s steps, %,d bytes%s%n",
                from, to, people, result.get("status"), seconds, result.get("steps_done"), result.get("steps_total"),
                result.get("size_bytes"), result.get("failure") == null ? "" : " (" + result.get("failure") + ")");
        System.out.printf(Locale.ROOT, "CPU time of the building thread %.1f s%n", cpu[0] / 1e9);
        System.out.printf(Locale.ROOT, "Peak heap in use %d MB, peak RSS %d MB; samples every %d ms (every %d-th shown):%n",
                peak[0] >> 20, peak[1] >> 20, sampleMs, Math.max(1, samples.size() / 20));
        System.out.println("| s | steps done | heap used MB | RSS MB |");
        System.out.println("|---:|---:|---:|---:|");
        for (int i = 0; i < samples.size(); i += Math.max(1, samples.size() / 20)) {
            System.out.println(samples.get(i));
        }
        if (!samples.isEmpty()) {
            System.out.println(samples.getLast());
        }
    }

    private static void dashboard(JdbcTemplate jdbc, int port) throws Exception {
        int dashPeople = Integer.getInteger("dashPeople", 2000);
        long project = project(jdbc, "Bench ledger dashboard");
        DashboardBenchmark.Client admin = new DashboardBenchmark.Client("http://localhost:" + port);
        admin.login("admin@kompetensportal.example", "Kompetens2026");
        List<String> rows = new ArrayList<>();
        BenchAttendance.courses(jdbc, project);
        ledger(jdbc, project, dashPeople);
        rows.add(timed(admin, jdbc, project, "1×"));
        ledger(jdbc, project, dashPeople * 9);
        if (Boolean.getBoolean("profile")) {
            Profile.of(() -> rows.add(timed(admin, jdbc, project, "10×")));
        } else {
            rows.add(timed(admin, jdbc, project, "10×"));
        }
        System.out.println("\n| data | person-months | lines | attendance rows | requests | p50 ms | p90 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /**
     * 24 months of ledger for {@code people} new participants of the project: two lines a month, 3 in 4 confirmed, each
     * month with the person's employer recorded as the ledger would.
     */
    private static void ledger(JdbcTemplate jdbc, long project, int people) {
        long personBase = people(jdbc, project, people);
        BenchAttendance.attendance(jdbc, project, personBase, people);
        YearMonth first = YearMonth.now(Formats.ZONE).minusMonths(24);
        step(jdbc, "ledger " + people + " people × 24 months", """
                drop table if exists bench_lm;
                create table bench_lm as
                select nextval('time_month_seq') as id, %2$d + g as person_id, (date '%3$s' + interval '1 month' * m)::date as month,
                       g, m from generate_series(0, %4$d - 1) g, generate_series(0, 23) m;
                insert into time_month (id, project_id, person_id, month, minutes, status, answered_at, method,
                                        employer_organisation_id, employer_recorded)
                select b.id, %1$d, b.person_id, b.month, 840 - (b.g %% 4) * 25,
                       case when (b.g + b.m) %% 4 = 0 then 'SENT' else 'CONFIRMED' end,
                       case when (b.g + b.m) %% 4 = 0 then null else now() end,
                       case when (b.g + b.m) %% 4 = 0 then null else 'LINK' end,
                       p.employer_organisation_id, true
                from bench_lm b join person p on p.id = b.person_id;
                insert into time_line (time_month_id, session_id, activity_id, session_date, minutes, session_minutes)
                select id, 900000000 + m * 2 + s, 900000000 + m, month + 7 * (s + 1), 420 - (g %% 4) * 25 * s, 420
                from bench_lm, generate_series(0, 1) s""".formatted(project, personBase, first.atDay(1), people));
        jdbc.execute("vacuum analyze time_month");
        jdbc.execute("vacuum analyze time_line");
        jdbc.execute("vacuum analyze person");
        jdbc.execute("vacuum analyze participant_person");
        jdbc.execute("vacuum analyze participant_days");
    }

    private static String timed(DashboardBenchmark.Client client, JdbcTemplate jdbc, long project, String scale)
            throws Exception {
        int warmup = Integer.getInteger("warmup", 20);
        int requests = Integer.getInteger("requests", 100);
        long[] times = new long[requests];
        LocalDate end = "1×".equals(scale) ? LocalDate.of(2027, 12, 31) : LocalDate.of(2027, 6, 30);
        String path = "/dashboard/projects/" + project + "?from=2024-01-01&to=";
        StatementCounter.resetTimes();
        long statements = StatementCounter.STATEMENTS.get();
        for (int i = 0; i < warmup + requests; i++) {
            long s = System.nanoTime();
            client.expectOk(path + end.minusDays(i));
            if (i >= warmup) {
                times[i - warmup] = System.nanoTime() - s;
            }
        }
        Arrays.sort(times);
        if (StatementCounter.TIMED) {
            System.out.printf(Locale.ROOT, "%nStatements per request at %s: %.1f; the slowest:%n%s%n", scale,
                    (double) (StatementCounter.STATEMENTS.get() - statements) / (warmup + requests),
                    StatementCounter.topTimes(15));
        }
        String row = String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", scale,
                jdbc.queryForObject("select count(*) from time_month where project_id = ?", Long.class, project),
                jdbc.queryForObject("select count(*) from time_line l join time_month m on m.id = l.time_month_id "
                        + "where m.project_id = ?", Long.class, project), BenchAttendance.counts(jdbc, project), requests,
                ms(times, 50), ms(times, 90), ms(times, 95), ms(times, 99), times[times.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "%s (load average %.2f)%n", row, load());
        return row;
    }

    /** A project 2024–2027 with a track, ten actors (the first ten organisations) and unit costs for every year. */
    private static long project(JdbcTemplate jdbc, String name) {
        long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date, planned_participants)
                values (?, ?, ?, 'Bench', date '2024-01-01', date '2027-12-31', 100000)""", id, name, "B" + id);
        jdbc.update("insert into track (id, project_id, position, name) values (nextval('track_seq'), ?, 1, 'Spår 1')", id);
        jdbc.update("""
                insert into project_actor (project_id, organisation_id, role)
                select ?, id, 'PARTNER' from organisation order by id limit 10""", id);
        jdbc.update("""
                insert into project_unit_cost (project_id, year, hourly_rate)
                select ?, y, 300 + (y - 2024) * 10 from generate_series(2024, 2027) y""", id);
        return id;
    }

    /** {@code count} new people, employed by the project's actors (one in ten by another employer); the first id. */
    private static long people(JdbcTemplate jdbc, long project, int count) {
        long base = jdbc.queryForObject("select nextval('person_seq') + 100", Long.class);
        jdbc.queryForObject("select setval('person_seq', ?)", Long.class, base + count + 100);
        jdbc.update("""
                with actors as (select organisation_id, row_number() over (order by organisation_id) - 1 as n
                                from project_actor where project_id = ?)
                insert into person (id, email, first_name, last_name, employer_organisation_id, employer_name, gender)
                select ? + g, 'bench-l' || (? + g) || '@bench.invalid', 'Förnamn' || g, 'Efternamn', a.organisation_id,
                       case when a.organisation_id is null then 'Annan arbetsgivare' end,
                       (array['WOMAN','MAN','OTHER','UNDISCLOSED'])[1 + g % 4]
                from generate_series(0, ? - 1) g left join actors a on a.n = g % 10 and g % 10 <> 9""",
                project, base, base, count);
        return base;
    }

    static void step(JdbcTemplate jdbc, String what, String sql) {
        long t = System.nanoTime();
        for (String statement : sql.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        System.out.printf(Locale.ROOT, "  %-44s %.1f s%n", what, (System.nanoTime() - t) / 1e9);
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux: no RSS figure
        }
        return 0;
    }
}
