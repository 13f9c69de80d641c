package se.kompetensportal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.shared.web.Formats;

/**
 * Benchmark of sign-ups and of the sign-up export (docs/benchmarks.md). Starts the portal on a temporary embedded
 * PostgreSQL with the demo data, signs 1 000 people in over HTTP, and then fires their sign-ups for one 30-seat activity
 * at once (every request a real form post over loopback, CSRF token and all); prints throughput, latency percentiles
 * and the final counts, which must be exactly 30 confirmed and 970 on the waiting list numbered 1..970. Then writes
 * 100 000 sign-ups for one activity and times the Excel export while sampling the heap.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.SignUpBenchmark
 * -Dbench.args=""}. Settings: {@code people} (1000), {@code seats} (30), {@code clients} (concurrent requests, 64),
 * {@code exportRows} (100000).
 */
public final class SignUpBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The password of the benchmark's throw-away users, new for every run. */
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();

    private SignUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("people", 1000);
        int seats = Integer.getInteger("seats", 30);
        int clients = Integer.getInteger("clients", 64);
        int exportRows = Integer.getInteger("exportRows", 100_000);

        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .run("--server.port=0", "--kp.embedded-db.data-dir=", "--kp.demo.enabled=true",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--kp.base-url=http://localhost",
                        "--kp.mail.send-interval=PT1H", "--server.tomcat.threads.max=200",
                        "--spring.datasource.hikari.maximum-pool-size=40");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        long project = jdbc.queryForObject("select id from project where short_name = 'LFI'", Long.class);
        long activity = activity(jdbc, project, seats, "Benchmark: anmälningsrusning");
        List<String> emails = users(jdbc, people);

        System.out.printf(Locale.ROOT, "Signing in %d people ...%n", people);
        long t0 = System.nanoTime();
        List<Client> signedIn = inParallel(16, emails.stream().map(email -> (Task<Client>) () -> {
            Client c = new Client(base);
            c.login(email);
            c.prepare("/activities/" + activity + "/sign-up");
            return c;
        }).toList());
        System.out.printf(Locale.ROOT, "Signed in and fetched the form for %d people in %.1f s%n", people,
                (System.nanoTime() - t0) / 1e9);

        Map<String, String> form = Map.of("firstName", "Bänk", "lastName", "Märk", "gender", "WOMAN",
                "employerName", "Benchmarkföreningen");
        CountDownLatch start = new CountDownLatch(1);
        long[] latencies = new long[people];
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                long s = System.nanoTime();
                int status = signedIn.get(n).post("/activities/" + activity + "/sign-up", form);
                latencies[n] = System.nanoTime() - s;
                if (status != 302) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        long burst = System.nanoTime();
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - burst) / 1e9;
        pool.shutdown();

        int confirmed = count(jdbc, activity, "CONFIRMED");
        int waiting = count(jdbc, activity, "WAITING");
        int taken = jdbc.queryForObject("select seats_taken from activity where id = ?", Integer.class, activity);
        List<Integer> positions = jdbc.queryForList("""
                select (select count(*) from sign_up w where w.activity_id = s.activity_id and w.status = 'WAITING'
                                                      and w.waiting_since <= s.waiting_since)::int
                from sign_up s where s.activity_id = ? and s.status = 'WAITING' order by 1""", Integer.class, activity);
        boolean contiguous = positions.equals(java.util.stream.IntStream.rangeClosed(1, waiting).boxed().toList());
        Arrays.sort(latencies);

        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; date %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), LocalDate.now());
        System.out.printf(Locale.ROOT, "Sign-up burst: %d sign-ups for one %d-seat activity, %d concurrent clients, loopback%n",
                people, seats, clients);
        System.out.println("| requests | seconds | req/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n", people, seconds,
                people / seconds, ms(latencies, 50), ms(latencies, 90), ms(latencies, 95), ms(latencies, 99),
                latencies[people - 1] / 1e6, errors.get());
        System.out.printf(Locale.ROOT, "Final counts: %d confirmed, %d waiting (positions 1..%d %s), seats taken %d%n",
                confirmed, waiting, waiting, contiguous ? "without gaps or duplicates" : "NOT CONTIGUOUS", taken);
        if (confirmed != seats || taken != seats || confirmed + waiting != people || !contiguous) {
            System.out.println("FAILED: the counts are wrong");
        }

        export(jdbc, base, exportRows);
        context.close();
        System.exit(0);
    }

    /** Writes n sign-ups for one activity with SQL and times the Excel export while sampling the heap. */
    private static void export(JdbcTemplate jdbc, String base, int rows) throws Exception {
        long project = jdbc.queryForObject("select id from project where short_name = 'LFI'", Long.class);
        long activity = activity(jdbc, project, rows, "Benchmark: exportlista");
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_name, job_title, gender)
                select nextval('person_seq'), 'export-' || g || '@bench.invalid', 'Förnamn' || g, 'Efternamn' || g,
                       'Organisation ' || (g % 200), 'Befattning', case when g % 2 = 0 then 'WOMAN' else 'MAN' end
                from generate_series(1, ?) g""", rows);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token, special_needs)
                select nextval('sign_up_seq'), ?, ?, p.id, 'CONFIRMED', md5(p.id::text || random()::text), 'Vegetarisk'
                from person p where p.email like 'export-%@bench.invalid'""", activity, project);
        System.out.printf(Locale.ROOT, "%nWrote %d sign-ups in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

        Client admin = new Client(base);
        admin.login("admin@kompetensportal.example", "Kompetens2026");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        });
        long e0 = System.nanoTime();
        HttpResponse<byte[]> xlsx = admin.get("/admin/activities/" + activity + "/sign-ups/export.xlsx");
        double exportSeconds = (System.nanoTime() - e0) / 1e9;
        running.set(false);
        sampler.join();
        System.out.println("| export | rows | seconds | size | heap before | peak heap during | max heap |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| Excel (.xlsx), status %d | %d | %.1f | %d kB | %d MB | %d MB | %d MB |%n",
                xlsx.statusCode(), rows, exportSeconds, xlsx.body().length / 1024, baseline / (1024 * 1024),
                peak.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static long activity(JdbcTemplate jdbc, long project, int seats, String title) {
        long id = jdbc.queryForObject("select nextval('activity_seq')", Long.class);
        long track = jdbc.queryForObject("select min(id) from track where project_id = ?", Long.class, project);
        LocalDate day = LocalDate.now(Formats.ZONE).plusDays(30);
        Instant start = day.atTime(9, 0).atZone(Formats.ZONE).toInstant();
        Instant end = day.atTime(16, 0).atZone(Formats.ZONE).toInstant();
        jdbc.update("""
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, published_at, first_start,
                                      last_end, session_count, total_minutes, venue_city)
                values (?, ?, ?, 'COURSE', ?, 'BASIC', 'sv', ?, ?, ?, ?, 'PUBLISHED', now(), ?, ?, 1, 420, 'Osby')""",
                id, project, track, title, seats, seats, Timestamp.from(start.minus(Duration.ofDays(2))),
                Timestamp.from(start.minus(Duration.ofDays(3))), Timestamp.from(start), Timestamp.from(end));
        jdbc.update("insert into activity_session (id, activity_id, starts_at, ends_at) values (nextval('activity_session_seq'), ?, ?, ?)",
                id, Timestamp.from(start), Timestamp.from(end));
        return id;
    }

    /** Participants whose password check is cheap ({noop}), so the benchmark measures sign-ups, not bcrypt. */
    private static List<String> users(JdbcTemplate jdbc, int n) {
        jdbc.update("""
                insert into app_user (id, email, display_name, password_hash)
                select nextval('app_user_seq'), 'bench-' || g || '@bench.invalid', 'Bänk ' || g, '{noop}%s'
                from generate_series(1, ?) g""".formatted(PASSWORD), n);
        jdbc.update("""
                insert into app_user_role (user_id, role)
                select id, 'PARTICIPANT' from app_user where email like 'bench-%@bench.invalid'""");
        return jdbc.queryForList("select email from app_user where email like 'bench-%@bench.invalid' order by id",
                String.class);
    }

    private static int count(JdbcTemplate jdbc, long activity, String status) {
        return jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and status = ?", Integer.class,
                activity, status);
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private interface Task<T> {
        T call() throws Exception;
    }

    private static <T> List<T> inParallel(int threads, List<Task<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = tasks.stream().map(t -> pool.submit(t::call)).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** One browser: its own cookies (session), the last CSRF token seen. */
    private static final class Client {
        private final String base;
        private final HttpClient http;
        private String csrf;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        }

        void login(String email) throws Exception {
            login(email, PASSWORD);
        }

        void login(String email, String password) throws Exception {
            prepare("/login");
            int status = post("/login", Map.of("email", email, "password", password));
            if (status != 302) {
                throw new IllegalStateException("Login of " + email + " answered " + status);
            }
        }

        void prepare(String page) throws Exception {
            Matcher m = CSRF.matcher(new String(get(page).body(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on " + page);
            }
            csrf = m.group(1);
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        int post(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                    + "&_csrf=" + enc(csrf);
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
