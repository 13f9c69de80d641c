package se.kompetensportal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.activities.domain.PrintedCatalogue;
import se.kompetensportal.activities.domain.PrintedCatalogueService;
import se.kompetensportal.shared.web.Formats;

/**
 * Benchmark of the public catalogue (docs/benchmarks.md): starts the portal on a temporary embedded PostgreSQL with the
 * demo data, adds 2 000 published activities with 3 sessions each to IKO, then loads the catalogue with concurrent
 * clients over loopback (Java's HttpClient, keep-alive) and prints requests per second and latency percentiles per
 * scenario, and the time to generate the PDF catalogue.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec}. Settings (system properties, passed with
 * {@code -Dbench.args="..."}): {@code activities} (2000), {@code clients} (16), {@code seconds} per scenario (30),
 * {@code warmup} seconds (15), {@code port} (0: any free port; never 8080), {@code pdf} (true: also time the PDF
 * catalogue), {@code hold} (false: when true the portal
 * stays up after the run, for wrk or a browser, until the process is stopped).
 */
public final class CatalogueBenchmark {

    private CatalogueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int activities = Integer.getInteger("activities", 2000);
        int clients = Integer.getInteger("clients", 16);
        int seconds = Integer.getInteger("seconds", 30);
        int warmup = Integer.getInteger("warmup", 15);
        boolean hold = Boolean.getBoolean("hold");

        // Command-line arguments, so that they win over application.properties (server.port=8080 is for others).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .run("--server.port=" + Integer.getInteger("port", 0), "--kp.embedded-db.data-dir=",
                        "--kp.demo.enabled=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--kp.base-url=http://localhost", "--kp.mail.send-interval=PT1H");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long started = System.nanoTime();
        long project = load(jdbc, activities);
        System.out.printf(Locale.ROOT, "Loaded %d activities with 3 sessions each in %.1f s (portal on port %d)%n",
                activities, (System.nanoTime() - started) / 1e9, port);

        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long track = jdbc.queryForObject("select id from track where project_id = ? and position = 2", Long.class, project);
        YearMonth month = YearMonth.now(Formats.ZONE).plusMonths(2);
        // "Cache-Control: no-cache" (a forced reload) makes the page cache render the page afresh for every request.
        List<String[]> scenarios = List.of(
                new String[] {"catalogue, first page", "/activities"},
                new String[] {"catalogue, page 50", "/activities?page=50"},
                new String[] {"free-text search", "/activities?q=b%C3%A4ttre+bem%C3%B6tande"},
                new String[] {"track and month filter", "/activities?track=" + track + "&month=" + month},
                new String[] {"activity page", firstActivityPath(jdbc, project, base, client)},
                new String[] {"first page, never cached", "/activities", "Cache-Control", "no-cache"},
                new String[] {"free-text search, never cached", "/activities?q=b%C3%A4ttre+bem%C3%B6tande",
                        "Cache-Control", "no-cache"});

        System.out.printf(Locale.ROOT, "Warming up for %d s ...%n", warmup);
        measure(client, base + "/activities", clients, warmup);
        measure(client, base + scenarios.get(2)[1], clients, Math.max(1, warmup / 3));

        List<String> rows = new ArrayList<>();
        for (String[] s : scenarios) {
            Result r = measure(client, base + s[1], clients, seconds, Arrays.copyOfRange(s, 2, s.length));
            rows.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |", s[0],
                    r.count(), r.count() / (double) seconds, r.percentile(50), r.percentile(90), r.percentile(95),
                    r.percentile(99), r.max(), r.errors()));
        }

        // The PDF is for signed-in staff; its generation is timed through the service that makes it.
        PrintedCatalogueService printed = context.getBean(PrintedCatalogueService.class);
        List<String> pdfRows = new ArrayList<>();
        LocalDate today = LocalDate.now(Formats.ZONE);
        for (int months : Boolean.parseBoolean(System.getProperty("pdf", "true")) ? new int[] {1, 6, 12} : new int[0]) {
            long[] times = new long[3];
            int size = 0;
            int count = 0;
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                PrintedCatalogue catalogue = printed.catalogue(project, today, today.plusMonths(months));
                size = printed.pdf(catalogue, Locale.of("sv")).length;
                times[i] = System.nanoTime() - t0;
                count = catalogue.activityCount();
            }
            Arrays.sort(times);
            pdfRows.add(String.format(Locale.ROOT, "| %d months | %d | %.2f | %.2f | %d kB |", months, count,
                    times[0] / 1e9, times[1] / 1e9, size / 1024));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, max heap %d MB; date %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024), LocalDate.now());
        System.out.printf(Locale.ROOT, "Catalogue: %d clients, %d s per scenario after %d s warm-up, loopback, keep-alive%n",
                clients, seconds, warmup);
        System.out.println();
        System.out.println("| scenario | requests | req/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("| PDF catalogue | activities | fastest s | median s | size |");
        System.out.println("|---|---:|---:|---:|---:|");
        pdfRows.forEach(System.out::println);

        if (hold) {
            System.out.printf("Portal stays up at %s (stop with Ctrl-C)%n", base);
            Thread.currentThread().join();
        }
        context.close();
        System.exit(0);
    }

    /** Adds published activities to IKO: 3 sessions a week apart, spread over the coming year. Returns IKO's id. */
    static long load(JdbcTemplate jdbc, int count) {
        long project = jdbc.queryForObject("select id from project where funder_reference = '2016/00175'", Long.class);
        List<Long> tracks = jdbc.queryForList("select id from track where project_id = ? order by position", Long.class, project);
        List<Long> groups = jdbc.queryForList("select id from target_group where project_id = ? order by code", Long.class, project);
        List<Long> ids = jdbc.queryForList("select nextval('activity_seq') from generate_series(1, ?)", Long.class, count);
        List<Long> sessionIds = jdbc.queryForList("select nextval('activity_session_seq') from generate_series(1, ?)",
                Long.class, count * 3);
        String[] kinds = {"COURSE", "ADVANCED_COURSE", "WORKSHOP", "CONFERENCE", "COLLABORATION_FORUM", "PROCESS_DAY",
                "DIALOGUE_MEETING", "NETWORK_MEETING"};
        String[] topics = {"Interkulturellt bemötande", "Jämställdhet i kulturmötet", "Ledarskap i mångfald",
                "Samverkan och dialog", "Fritid och föreningsliv", "Normkritik i vardagen", "Svåra samtal",
                "Mottagande av nyanlända"};
        String[] towns = {"Kalmar", "Västervik", "Oskarshamn", "Nybro", "Vimmerby", "Borgholm"};
        LocalDate today = LocalDate.now(Formats.ZONE);
        List<Object[]> activityRows = new ArrayList<>();
        List<Object[]> sessionRows = new ArrayList<>();
        List<Object[]> groupRows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ids.get(i);
            LocalDate first = today.plusDays(1 + (i * 7L) % 365);
            Instant firstStart = at(first, 9);
            Instant lastEnd = at(first.plusWeeks(2), 12);
            String town = towns[i % towns.length];
            activityRows.add(new Object[] {id, project, tracks.get(i % tracks.size()), kinds[i % kinds.length],
                    topics[i % topics.length] + " – grupp " + (i + 1) + " i " + town,
                    "Utbildning för personal och ideellt engagerade som vill ge ett bättre bemötande.\n\n- Kunskap om "
                            + "kultur och integration\n- Metoder för svåra samtal\n- Jämställdhet i praktiken",
                    i % 3 == 0 ? "ADVANCED" : "BASIC", "Lokal " + (i % 40), "Storgatan " + (i % 90 + 1), town,
                    i % 2 == 0, i % 3 == 0, 30, i % 5 == 0 ? 30 : i % 30, 25,
                    Timestamp.from(at(first.minusDays(3), 12)), Timestamp.from(at(first.minusDays(5), 12)),
                    Timestamp.from(at(first.minusDays(60), 10)), Timestamp.from(firstStart), Timestamp.from(lastEnd)});
            for (int s = 0; s < 3; s++) {
                sessionRows.add(new Object[] {sessionIds.get(i * 3 + s), id, Timestamp.from(at(first.plusWeeks(s), 9)),
                        Timestamp.from(at(first.plusWeeks(s), 12))});
            }
            groupRows.add(new Object[] {id, groups.get(i % groups.size())});
            groupRows.add(new Object[] {id, groups.get((i + 3) % groups.size())});
        }
        jdbc.batchUpdate("""
                insert into activity (id, project_id, track_id, kind, title, description, level, language, venue_name,
                    venue_address, venue_city, step_free_access, hearing_loop, seats, seats_taken, target_participants,
                    registration_closes, cancellation_deadline, status, published_at, first_start, last_end,
                    session_count, total_minutes)
                values (?, ?, ?, ?, ?, ?, ?, 'sv', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, 3, 540)""",
                activityRows);
        jdbc.batchUpdate("insert into activity_session (id, activity_id, starts_at, ends_at) values (?, ?, ?, ?)", sessionRows);
        jdbc.batchUpdate("insert into activity_target_group (activity_id, target_group_id) values (?, ?) on conflict do nothing",
                groupRows);
        jdbc.execute("analyze activity");
        jdbc.execute("analyze activity_session");
        jdbc.execute("analyze activity_target_group");
        return project;
    }

    /** The readable address of the first upcoming activity (the short one answers with a redirect to it). */
    private static String firstActivityPath(JdbcTemplate jdbc, long project, String base, HttpClient client)
            throws Exception {
        String shortPath = "/activities/" + jdbc.queryForObject("""
                select id from activity where project_id = ? and status = 'PUBLISHED' and first_start > now()
                order by first_start, id limit 1""", Long.class, project);
        return client.send(HttpRequest.newBuilder(URI.create(base + shortPath)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElse(shortPath);
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(Formats.ZONE).toInstant();
    }

    /**
     * Runs GET requests from {@code clients} threads for {@code seconds}; latencies in nanoseconds. {@code headers}
     * are name, value pairs sent with every request.
     */
    static Result measure(HttpClient client, String url, int clients, int seconds, String... headers) throws Exception {
        AtomicLong counter = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
                            url.replace("{n}", Long.toString(counter.incrementAndGet())))).header("Accept", "text/html");
                    HttpRequest request = (headers.length == 0 ? builder : builder.headers(headers)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, errors.get());
    }

    record Result(long[] sortedNanos, long errors) {
        int count() {
            return sortedNanos.length;
        }

        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        double max() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }
}
