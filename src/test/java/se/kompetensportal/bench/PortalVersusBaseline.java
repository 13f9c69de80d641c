package se.kompetensportal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;

/**
 * The portal against its framework-free baseline ({@link RawCatalogueServer}), interleaved in one run (issue 13,
 * docs/benchmarks.md): the portal on a temporary embedded PostgreSQL with the demo data and 2 000 more published
 * activities, the baseline on the same database. First checks that both serve the same bytes; then, round after round,
 * loads each scenario on one and then the other (the order alternating) with the same clients, and prints each
 * one's requests per second, percentiles, the ratio portal ÷ baseline, and the CPU time this JVM used per request
 * (server and clients; PostgreSQL is another process), which a busy machine disturbs less than the rates.
 *
 * <p>Scenarios: the first catalogue page as visitors get it (cached), the same page rendered afresh (the request says
 * {@code Cache-Control: no-cache}, which both honour), and a free-text search rendered afresh.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.PortalVersusBaseline}.
 * Settings in {@code -Dbench.args="..."}: {@code activities} (2000), {@code clients} (16), {@code seconds} per slice
 * (10), {@code rounds} (3), {@code warmup} seconds per scenario and server (10), {@code port} (0), {@code virtual}
 * (false: the portal on virtual threads), {@code pool} (the portal's connection pool, 20), {@code plans} (true: first
 * {@link PlanStability}), {@code profile} (false; true: first a JFR profile of fresh first pages, cached: of cached ones, see {@link Profile}),
 * {@code hold} (false), {@code portalJvm} (empty: the portal runs in this JVM; JVM options, e.g.
 * {@code "@deploy/jvm.options -Xmx512m"}: the portal runs in a JVM of its own with them, as an operator runs it, while
 * the baseline and the clients stay here with this JVM's defaults; the profile is then of this JVM only).
 */
public final class PortalVersusBaseline {

    private PortalVersusBaseline() {
    }

    public static void main(String[] args) throws Exception {
        int activities = Integer.getInteger("activities", 2000);
        int clients = Integer.getInteger("clients", 16);
        int seconds = Integer.getInteger("seconds", 10);
        int rounds = Integer.getInteger("rounds", 3);
        int warmup = Integer.getInteger("warmup", 10);
        String loadAtStart = load();
        long started = System.nanoTime();
        String portalJvm = System.getProperty("portalJvm", "");
        List<String> portalArguments = List.of("--logging.level.root=WARN",
                "--spring.threads.virtual.enabled=" + Boolean.getBoolean("virtual"),
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("pool", 20));
        ConfigurableApplicationContext context = null;
        PortalProcess child = null;
        int port;
        JdbcTemplate jdbc;
        String jdbcUrl;
        String jdbcUser;
        if (portalJvm.isBlank()) {
            List<String> arguments = new ArrayList<>(List.of("--server.port=" + Integer.getInteger("port", 0),
                    "--kp.embedded-db.data-dir=", "--kp.demo.enabled=true", "--spring.main.banner-mode=off",
                    "--kp.base-url=http://localhost", "--kp.mail.send-interval=PT1H"));
            arguments.addAll(portalArguments);
            context = new SpringApplicationBuilder(KompetensportalApplication.class).run(arguments.toArray(String[]::new));
            port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            jdbc = context.getBean(JdbcTemplate.class);
            HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
            jdbcUrl = pool.getJdbcUrl();
            jdbcUser = pool.getUsername();
        } else {
            // The portal in a JVM of its own with the options given (as an operator runs it, e.g.
            // "@deploy/jvm.options -Xmx512m"); the baseline and the clients stay in this one.
            child = new PortalProcess("versus-portal", PortalProcess.words(portalJvm), portalArguments);
            child.awaitReady(Duration.ofMinutes(10));
            port = child.port;
            jdbc = child.jdbc();
            jdbcUrl = child.jdbcUrl();
            jdbcUser = "postgres";
        }
        System.out.printf(Locale.ROOT, "Portal started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        CatalogueBenchmark.load(jdbc, activities);
        if (Boolean.parseBoolean(System.getProperty("plans", "true"))) {
            PlanStability.print(jdbcUrl, jdbcUser, 40);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String[] noCache = {"Cache-Control", "no-cache"};
        String search = "/activities?q=b%C3%A4ttre+bem%C3%B6tande";
        record Scenario(String name, String path, String[] headers) {
        }
        List<Scenario> scenarios = List.of(new Scenario("first page, cached", "/activities", new String[0]),
                new Scenario("first page, rendered afresh", "/activities", noCache),
                new Scenario("free-text search, rendered afresh", search, noCache));

        try (RawCatalogueServer baseline = new RawCatalogueServer(Integer.getInteger("baselinePort", 0), clients,
                jdbcUrl, jdbcUser, "http://localhost")) {
            String[] bases = {"http://localhost:" + port, "http://localhost:" + baseline.port()};
            for (Scenario s : scenarios) {
                same(client, bases, s.path(), s.headers());
            }
            System.out.printf(Locale.ROOT, "Same bytes from both (portal on %d, baseline on %d); warming up%n", port,
                    baseline.port());
            for (Scenario s : scenarios) {
                for (String base : bases) {
                    CatalogueBenchmark.measure(client, base + s.path(), clients, warmup, s.headers());
                }
            }
            String profile = System.getProperty("profile", "false");
            if (!profile.equals("false")) {
                Profile.of(() -> CatalogueBenchmark.measure(client, bases[0] + "/activities", clients, seconds,
                        profile.equals("cached") ? new String[0] : noCache));
            }
            List<List<long[]>> portal = new ArrayList<>();
            List<List<long[]>> raw = new ArrayList<>();
            long[] errors = new long[scenarios.size() * 2];
            long[] cpuNanos = new long[scenarios.size() * 2];
            scenarios.forEach(s -> {
                portal.add(new ArrayList<>());
                raw.add(new ArrayList<>());
            });
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < scenarios.size(); i++) {
                    Scenario s = scenarios.get(i);
                    for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                        long cpu = cpuNanos(child);
                        CatalogueBenchmark.Result r = CatalogueBenchmark.measure(client, bases[side] + s.path(), clients,
                                seconds, s.headers());
                        cpuNanos[i * 2 + side] += cpuNanos(child) - cpu;
                        (side == 0 ? portal : raw).get(i).add(r.sortedNanos());
                        errors[i * 2 + side] += r.errors();
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, max heap %d MB; date %s; virtual threads %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), LocalDate.now(), Boolean.getBoolean("virtual"));
            System.out.println(child == null ? "Portal, baseline and clients in this JVM"
                    : "Portal in a JVM of its own with " + portalJvm + "; baseline and clients in this JVM");
            System.out.printf(Locale.ROOT, "%d clients, %d rounds of %d s per scenario and server, interleaved; load "
                    + "average at start %s, at end %s%n%n", clients, rounds, seconds, loadAtStart, load());
            System.out.println("| scenario | portal req/s | baseline req/s | portal ÷ baseline | portal p50 / p95 ms "
                    + "| baseline p50 / p95 ms | JVM CPU ms / req, portal / baseline | errors |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < scenarios.size(); i++) {
                long[] p = merge(portal.get(i));
                long[] b = merge(raw.get(i));
                double pr = p.length / (double) (rounds * seconds);
                double br = b.length / (double) (rounds * seconds);
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f "
                        + "| %d / %d |%n", scenarios.get(i).name(), pr, br, pr / br, pct(p, 50), pct(p, 95), pct(b, 50),
                        pct(b, 95), cpuNanos[i * 2] / 1e6 / Math.max(1, p.length),
                        cpuNanos[i * 2 + 1] / 1e6 / Math.max(1, b.length), errors[i * 2], errors[i * 2 + 1]);
            }
        }
        if (Boolean.getBoolean("hold")) {
            Thread.currentThread().join();
        }
        if (context != null) {
            context.close();
        }
        if (child != null) {
            child.close();
        }
        System.exit(0);
    }

    /** Fails unless portal and baseline answer the address with the same bytes. */
    private static void same(HttpClient client, String[] bases, String path, String[] headers) throws Exception {
        byte[][] bodies = new byte[2][];
        for (int i = 0; i < 2; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bases[i] + path)).GET();
            bodies[i] = client.send(headers.length == 0 ? request.build() : request.headers(headers).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        int at = Arrays.mismatch(bodies[0], bodies[1]);
        if (at >= 0) {
            Files.write(Path.of("target/portal.html"), bodies[0]);
            Files.write(Path.of("target/baseline.html"), bodies[1]);
            throw new IllegalStateException("Portal and baseline differ at byte " + at + " of " + path
                    + " (see target/portal.html and target/baseline.html)");
        }
    }

    private static long[] merge(List<long[]> slices) {
        return slices.stream().flatMapToLong(LongStream::of).sorted().toArray();
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /**
     * CPU time of this whole JVM (the portal or the baseline under load, and the load clients, which cost both alike)
     * and of the portal's own JVM if it runs apart.
     */
    private static long cpuNanos(PortalProcess child) {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        return child == null ? own : own + (long) (PortalProcess.cpuSeconds(child.pid()) * 1e9);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
