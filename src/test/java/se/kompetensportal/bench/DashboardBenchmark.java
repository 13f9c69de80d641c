package se.kompetensportal.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;

/**
 * Data generator and benchmark of the steering group's dashboard (docs/benchmarks.md). Starts the portal on a temporary
 * embedded PostgreSQL with the demo data, then fills it with set-based SQL (generate_series): 100 projects (5 tracks,
 * 4 target groups, 10 actors, the 15 indicator kinds each), and, at {@code scale} 1, 100 000 people, 5 000 activities
 * (50 a project, two 7-hour sessions each, one in twenty cancelled), 500 000 sign-ups (100 an activity), attendance
 * for the completed activities (about 900 000 rows, 90 % attended) and 2 000 000 evaluation answers. {@code scale}
 * multiplies everything but the number of projects, so one project's dashboard reads {@code scale} times the rows.
 * Then signs in as the administrator and times warm GET requests of one project's dashboard, of ten projects' in
 * turn, and of one project's with a different period each time (so never served from the dashboard cache), one client
 * at a time.
 *
 * <p>Evaluation answers go in the surveys module's own tables (templates, evaluations, responses, answers,
 * invitations), so the dashboard reads them through the real {@code SurveysApi}.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.DashboardBenchmark
 * -Dbench.args="-Dscale=1"}. Settings: {@code scale} (1), {@code warmup} (30 requests), {@code requests} (200),
 * {@code hold} (keep the portal up afterwards, false), {@code port} (0: any).
 */
public final class DashboardBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int PROJECTS = 100;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int scale = Integer.getInteger("scale", 1);
        int warmup = Integer.getInteger("warmup", 30);
        int requests = Integer.getInteger("requests", 200);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .run("--server.port=" + Integer.getInteger("port", 0), "--kp.embedded-db.data-dir=",
                        "--kp.demo.enabled=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--kp.base-url=http://localhost", "--kp.mail.send-interval=PT1H");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        long t0 = System.nanoTime();
        generate(jdbc, scale);
        double generated = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%nGenerated scale %d in %.0f s:%n", scale, generated);
        for (String table : List.of("project", "person", "activity", "sign_up", "attendance", "evaluation_response", "evaluation_answer",
                "indicator")) {
            System.out.printf(Locale.ROOT, "  %-24s %,d rows%n", table,
                    jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        List<Long> projects = jdbc.queryForList("select id from project where name like 'Bench project %' order by id",
                Long.class);
        long one = projects.getFirst();
        System.out.printf(Locale.ROOT, "  one project: %,d attended rows, %,d participants, %,d answers%n",
                jdbc.queryForObject("select count(*) from attendance where project_id = ? and attended", Long.class, one),
                jdbc.queryForObject("select count(distinct person_id) from attendance where project_id = ? and attended",
                        Long.class, one),
                jdbc.queryForObject("""
                        select count(*) from evaluation_answer a join evaluation_response r on r.id = a.response_id
                        join evaluation e on e.id = r.evaluation_id where e.project_id = ?""", Long.class, one));

        Client admin = new Client("http://localhost:" + port);
        admin.login("admin@kompetensportal.example", "Kompetens2026");
        String path = "/dashboard/projects/" + one;
        for (int i = 0; i < warmup; i++) {
            admin.expectOk(path);
        }
        long[] single = new long[requests];
        for (int i = 0; i < requests; i++) {
            long s = System.nanoTime();
            admin.expectOk(path);
            single[i] = System.nanoTime() - s;
        }
        long[] rotating = new long[requests];
        for (int i = 0; i < requests; i++) {
            String p = "/dashboard/projects/" + projects.get(i % 10);
            long s = System.nanoTime();
            admin.expectOk(p);
            rotating[i] = System.nanoTime() - s;
        }
        // Never remembered: every request asks for another period (its end a day earlier), so it is computed in full.
        long[] computed = new long[requests];
        LocalDate end = LocalDate.of(2027, 12, 31);
        for (int i = 0; i < warmup + requests; i++) {
            String p = path + "?from=2024-01-01&to=" + end.minusDays(i);
            long s = System.nanoTime();
            admin.expectOk(p);
            if (i >= warmup) {
                computed[i - warmup] = System.nanoTime() - s;
            }
        }
        long s = System.nanoTime();
        admin.expectOk(path + "/export.pdf");
        double pdf = (System.nanoTime() - s) / 1e6;
        s = System.nanoTime();
        admin.expectOk(path + "/export.xlsx");
        double xlsx = (System.nanoTime() - s) / 1e6;

        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; date %s; load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), LocalDate.now(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| scale | scenario | requests | p50 ms | p90 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        row(scale, "one project's dashboard", single);
        row(scale, "ten projects in turn", rotating);
        row(scale, "one project, never remembered", computed);
        System.out.printf(Locale.ROOT, "Exports of one project: PDF %.0f ms, Excel %.0f ms%n", pdf, xlsx);
        if (Boolean.getBoolean("hold")) {
            System.out.println("Holding the portal on port " + port + "; stop with Ctrl-C.");
            Thread.currentThread().join();
        }
        context.close();
        System.exit(0);
    }

    private static void row(int scale, String scenario, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %d× | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", scale, scenario,
                sorted.length, ms(sorted, 50), ms(sorted, 90), ms(sorted, 95), ms(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Fills the database with set-based SQL; every step is one statement over generate_series. */
    static void generate(JdbcTemplate jdbc, int scale) {
        int people = 100_000 * scale;
        int activitiesPerProject = 50 * scale;
        step(jdbc, "organisations", """
                create table bench_o as
                select nextval('organisation_seq') as id, g - 1 as n from generate_series(1, 200) g;
                insert into organisation (id, name, kind, municipality)
                select id, 'Bench organisation ' || n,
                       (array['MUNICIPALITY','REGION','STATE_AGENCY','NON_PROFIT','UNIVERSITY','OTHER'])[1 + n % 6],
                       'Kommun ' || (n % 30)
                from bench_o""");
        step(jdbc, "projects", """
                create table bench_p as
                select nextval('project_seq') as id, g - 1 as n from generate_series(1, %d) g;
                insert into project (id, name, short_name, owner_organisation, start_date, end_date, planned_participants)
                select id, 'Bench project ' || n, 'B' || n, 'Bench', date '2024-01-01', date '2027-12-31', 2000 * %d
                from bench_p;
                insert into track (id, project_id, position, name)
                select nextval('track_seq'), p.id, t, 'Spår ' || t from bench_p p, generate_series(1, 5) t;
                insert into target_group (id, project_id, code, name)
                select nextval('target_group_seq'), p.id, t::text, 'Målgrupp ' || t from bench_p p, generate_series(1, 4) t;
                insert into project_actor (project_id, organisation_id, role)
                select p.id, o.id, 'PARTNER' from bench_p p, generate_series(0, 9) k
                join bench_o o on true where o.n = (p.n * 10 + k) %% 200;
                insert into project_unit_cost (project_id, year, hourly_rate)
                select p.id, y, 300 + (y - 2024) * 10 from bench_p p, generate_series(2024, 2027) y;
                insert into actor_plan (project_id, organisation_id, plan_text, filed_at, updated_at)
                select project_id, organisation_id, 'Plan', now(), now() from project_actor
                where project_id in (select id from bench_p) and organisation_id %% 2 = 0""".formatted(PROJECTS, scale));
        step(jdbc, "activities and sessions", """
                create table bench_a as
                select nextval('activity_seq') as id, p.id as project_id, a as a_no,
                       (row_number() over (order by p.n, a)) - 1 as idx,
                       timestamptz '2024-01-15 09:00 Europe/Stockholm' + interval '1 day' * ((a * 1030) / %d) as starts
                from bench_p p, generate_series(0, %d - 1) a;
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, cancel_reason, published_at,
                                      completed_at, cancelled_at, first_start, last_end, session_count, total_minutes)
                select a.id, a.project_id, t.id,
                       (array['COURSE','ADVANCED_COURSE','WORKSHOP','CONFERENCE','COLLABORATION_FORUM','PROCESS_DAY',
                              'DIALOGUE_MEETING','NETWORK_MEETING'])[1 + a.a_no %% 8],
                       'Bench activity ' || a.idx, 'BASIC', 'sv', 1000000, 100, a.starts - interval '2 days',
                       a.starts - interval '3 days',
                       case when a.a_no %% 20 = 19 then 'CANCELLED' when a.starts < now() then 'COMPLETED' else 'PUBLISHED' end,
                       case when a.a_no %% 20 = 19 then 'Bench' end, a.starts - interval '60 days',
                       case when a.a_no %% 20 <> 19 and a.starts < now() then a.starts + interval '8 days' end,
                       case when a.a_no %% 20 = 19 then a.starts end,
                       a.starts, a.starts + interval '7 days 7 hours', 2, 840
                from bench_a a join track t on t.project_id = a.project_id and t.position = 1 + a.a_no %% 5;
                insert into activity_session (id, activity_id, starts_at, ends_at)
                select nextval('activity_session_seq'), a.id, a.starts + interval '7 days' * s,
                       a.starts + interval '7 days' * s + interval '7 hours'
                from bench_a a, generate_series(0, 1) s;
                insert into activity_trainer (id, activity_id, name, organisation, external, gender)
                select nextval('activity_trainer_seq'), a.id, 'Utbildare ' || ((a.idx + k * 7) %% 300), 'Bench', true,
                       (array['WOMAN','MAN','NON_BINARY'])[1 + (a.idx + k) %% 3]
                from bench_a a, generate_series(0, 1) k""".formatted(activitiesPerProject, activitiesPerProject));
        long personBase = jdbc.queryForObject("select nextval('person_seq') + 100", Long.class);
        jdbc.queryForObject("select setval('person_seq', ?)", Long.class, personBase + people + 100);
        step(jdbc, "people", """
                insert into person (id, email, first_name, last_name, employer_organisation_id, employer_name, gender)
                select %d + g, 'bench-p' || g || '@bench.invalid', 'Förnamn', 'Efternamn', o.id,
                       case when o.id is null then 'Annan arbetsgivare' end,
                       (array['WOMAN','MAN','WOMAN','MAN','OTHER','UNDISCLOSED','WOMAN'])[1 + g %% 7]
                from generate_series(0, %d - 1) g left join bench_o o on o.n = g %% 200 and g %% 10 <> 0
                """.formatted(personBase, people));
        long signUpBase = jdbc.queryForObject("select nextval('sign_up_seq') + 100", Long.class);
        long signUps = (long) PROJECTS * activitiesPerProject * 100;
        jdbc.queryForObject("select setval('sign_up_seq', ?)", Long.class, signUpBase + signUps + 100);
        step(jdbc, "sign-ups", """
                insert into sign_up (id, activity_id, project_id, person_id, status, target_group_id, manage_token,
                                     confirmed_at)
                select %d + a.idx * 100 + k, a.id, a.project_id, %d + ((a.idx * 100 + k) * 7) %% %d, 'CONFIRMED',
                       tg.id, md5('bench' || (a.idx * 100 + k)), a.starts - interval '20 days'
                from bench_a a cross join generate_series(0, 99) k
                join target_group tg on tg.project_id = a.project_id and tg.code = (1 + k %% 4)::text
                """.formatted(signUpBase, personBase, people));
        step(jdbc, "attendance", """
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended)
                select s.id, su.person_id, su.id, su.activity_id, su.project_id, ac.track_id,
                       (s.starts_at at time zone 'Europe/Stockholm')::date, 420, (su.id + s.id) %% 10 <> 0
                from bench_a a join sign_up su on su.activity_id = a.id
                join activity_session s on s.activity_id = a.id
                join activity ac on ac.id = a.id and ac.status = 'COMPLETED'""".formatted());
        // Evaluations as the surveys module keeps them: a default template per project with IKO's three statements;
        // one closed evaluation per completed activity with eight questions (seven scales, one free text); about 55
        // responses an evaluation (one in five on paper, the employer copied from the project's actors); invitations
        // for one and a half times as many; an answer to every question of every response (2 000 000 at scale 1).
        step(jdbc, "evaluations", """
                create table bench_q (pos int, kind varchar(16), statement_key varchar(40), text_sv varchar(100));
                insert into bench_q values (1, 'AGREEMENT_SCALE', 'D1_KNOWLEDGE', 'Mer kunskap'),
                    (2, 'AGREEMENT_SCALE', 'D1_METHODS', 'Nya metoder'), (3, 'AGREEMENT_SCALE', 'D1_DIVERSITY', 'Mångfald'),
                    (4, 'AGREEMENT_SCALE', null, 'Helhet'), (5, 'AGREEMENT_SCALE', null, 'Utbildarna'),
                    (6, 'AGREEMENT_SCALE', null, 'Arrangemangen'), (7, 'AGREEMENT_SCALE', null, 'Nytta i arbetet'),
                    (8, 'FREE_TEXT', null, 'Övrigt');
                create table bench_t as select nextval('survey_seq') as id, p.id as project_id from bench_p p;
                insert into evaluation_template (id, project_id, name, is_default)
                select id, project_id, 'Standard', true from bench_t;
                insert into survey_question (id, template_id, position, kind, text_sv, text_en, required, statement_key)
                select nextval('survey_seq'), t.id, q.pos, q.kind, q.text_sv, q.text_sv, q.pos < 8, q.statement_key
                from bench_t t cross join bench_q q;
                create table bench_e as
                select nextval('survey_seq') as id, ac.id as activity_id, ac.project_id, ac.track_id, p.n as project_n,
                       ac.last_end
                from bench_a a join activity ac on ac.id = a.id and ac.status = 'COMPLETED'
                join bench_p p on p.id = a.project_id;
                insert into evaluation (id, project_id, activity_id, track_id, status, sent_at, closes_on, reminders_sent)
                select id, project_id, activity_id, track_id, 'CLOSED', last_end + interval '2 hours',
                       (last_end + interval '14 days')::date, 2
                from bench_e;
                insert into survey_question (id, evaluation_id, position, kind, text_sv, text_en, required, statement_key)
                select nextval('survey_seq'), e.id, q.pos, q.kind, q.text_sv, q.text_sv, q.pos < 8, q.statement_key
                from bench_e e cross join bench_q q;
                create table bench_r as
                select gen_random_uuid() as id, e.id as evaluation_id,
                       (e.last_end at time zone 'Europe/Stockholm')::date + k %% 10 as answered_on,
                       case when k %% 5 = 0 then 'PAPER' else 'WEB' end as source, o.id as organisation_id, k
                from bench_e e
                cross join generate_series(1, (%d / (select count(*) from bench_e))::int) k
                left join bench_o o on o.n = (e.project_n * 10 + k %% 10) %% 200 and k %% 10 <> 9;
                insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id)
                select id, evaluation_id, answered_on, source, organisation_id from bench_r;
                insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id, answered)
                select nextval('survey_seq'), e.id, %d + ((e.id / 50) * 97 + k) %% %d, null,
                       k <= (%d / (select count(*) from bench_e))::int
                from bench_e e cross join generate_series(1, (1.5 * %d / (select count(*) from bench_e))::int) k
                on conflict do nothing;
                insert into evaluation_answer (response_id, question_id, int_value, text_value)
                select r.id, q.id, case when q.kind = 'AGREEMENT_SCALE' then least(5, 1 + (r.k * 7 + q.position * 3) %% 6) end,
                       case when q.kind = 'FREE_TEXT' then 'Bra dag, tack.' end
                from bench_r r join survey_question q on q.evaluation_id = r.evaluation_id""".formatted(
                250_000 * scale, personBase, people, 250_000 * scale, 250_000 * scale));
        step(jdbc, "indicators", """
                insert into indicator (id, project_id, position, name_sv, kind, comparison, target, target_max, period,
                                       activity_kind, statement_key, gender)
                select nextval('indicator_seq'), p.id, v.pos, v.kind, v.kind, v.cmp, v.target, v.tmax, v.period, v.ak,
                       v.sk, v.gender
                from bench_p p cross join (values
                    (1, 'UNIQUE_PARTICIPANTS', 'AT_LEAST', 675, null, 'WHOLE_PROJECT', null, null, null),
                    (2, 'EVALUATION_STATEMENT', 'SHARE_AT_LEAST', 60, null, 'WHOLE_PROJECT', null, 'D1_KNOWLEDGE', null),
                    (3, 'EVALUATION_STATEMENT', 'SHARE_AT_LEAST', 60, null, 'WHOLE_PROJECT', null, 'D1_METHODS', null),
                    (4, 'EVALUATION_STATEMENT', 'SHARE_AT_LEAST', 60, null, 'WHOLE_PROJECT', null, 'D1_DIVERSITY', null),
                    (5, 'PARTICIPANT_GENDER_SHARE', 'SHARE_BETWEEN', 40, 60, 'WHOLE_PROJECT', null, null, 'WOMAN'),
                    (6, 'TRAINER_GENDER_SHARE', 'SHARE_BETWEEN', 40, 60, 'WHOLE_PROJECT', null, null, 'WOMAN'),
                    (7, 'ACTIVITIES_HELD', 'AT_LEAST', 2, null, 'WHOLE_PROJECT', 'COLLABORATION_FORUM', null, null),
                    (8, 'COLLABORATION_PROJECTS_DEVELOPED', 'AT_LEAST', 1, null, 'WHOLE_PROJECT', null, null, null),
                    (9, 'COLLABORATION_PROJECTS_CARRIED_OUT', 'AT_LEAST', 3, null, 'WHOLE_PROJECT', null, null, null),
                    (10, 'DIALOG_FUND_APPLICATIONS', 'AT_LEAST', 10, null, 'PER_YEAR', null, null, null),
                    (11, 'DIALOG_FUND_GRANTED', 'AT_LEAST', 5, null, 'PER_YEAR', null, null, null),
                    (12, 'DIALOG_FUND_CARRIED_OUT', 'AT_LEAST', 5, null, 'PER_YEAR', null, null, null),
                    (13, 'ACTORS_WITH_PLAN', 'SHARE_AT_LEAST', 100, null, 'WHOLE_PROJECT', null, null, null),
                    (14, 'PARTICIPANT_HOURS', 'AT_LEAST', 20000, null, 'WHOLE_PROJECT', null, null, null),
                    (15, 'CO_FINANCING_VALUE', 'AT_LEAST', 6000000, null, 'WHOLE_PROJECT', null, null, null))
                    as v(pos, kind, cmp, target, tmax, period, ak, sk, gender)""");
        // As autovacuum would leave it: statistics, and the visibility map that lets index-only scans skip the heap.
        step(jdbc, "vacuum analyze", "vacuum analyze");
    }

    private static void step(JdbcTemplate jdbc, String what, String sql) {
        long t = System.nanoTime();
        for (String statement : sql.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        System.out.printf(Locale.ROOT, "  %-24s %.1f s%n", what, (System.nanoTime() - t) / 1e9);
    }

    /** One browser: its own cookies (session), the last CSRF token seen. */
    static final class Client {
        private final String base;
        private final HttpClient http;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        }

        void login(String email, String password) throws Exception {
            Matcher m = CSRF.matcher(new String(get("/login").body(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on the login page");
            }
            String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            int status = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 302) {
                throw new IllegalStateException("Login answered " + status);
            }
        }

        void expectOk(String path) throws Exception {
            HttpResponse<byte[]> r = get(path);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
