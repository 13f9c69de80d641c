package se.kompetensportal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up, memory and the big export, as an operator meets them (issue 13, docs/benchmarks.md): the portal is started
 * as a JVM of its own with {@code -Xmx512m} on a fresh embedded database (a new data directory: initdb, migrations,
 * demo data), and the times until {@code /actuator/health} and {@code /actuator/health/readiness} first answer UP are
 * taken. Then public pages are rendered afresh from 8 clients for {@code warmup} seconds and the JVM's resident memory
 * (VmRSS; the PostgreSQL processes not counted) is read. Last, 100 000 sign-ups are written to one activity and the
 * administrator downloads their Excel export while the JVM's RSS is sampled every 20 ms.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.FootprintBenchmark}.
 * Settings in {@code -Dbench.args="..."}: {@code xmx} (512m), {@code jvm} (more JVM options, space-separated),
 * {@code warmup} seconds (60), {@code exportRows} (100000), {@code portal} (more portal arguments, space-separated).
 * With {@code -XX:NativeMemoryTracking=summary} among the JVM options, the JVM's own account of its memory is printed
 * after the warm-up.
 */
public final class FootprintBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 60);
        int exportRows = Integer.getInteger("exportRows", 100_000);
        List<String> variants = List.of(System.getProperty("variants", "documented,bare").split(","));
        List<String> results = new ArrayList<>();
        for (String variant : variants) {
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + System.getProperty("xmx", "512m")));
            if (variant.equals("documented")) {
                jvm.add("@" + Path.of("deploy", "jvm.options").toAbsolutePath());
            } else if (!variant.equals("bare")) {
                throw new IllegalArgumentException("variants: documented, bare");
            }
            jvm.addAll(PortalProcess.words(System.getProperty("jvm", "")));
            // The export (a minute of writing sign-ups) in the first variant only.
            results.add(run(variant, jvm, warmup, variant.equals(variants.getFirst()) ? exportRows : 0));
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    /** One portal, started, warmed up, measured and stopped; its figures as a markdown table. */
    private static String run(String variant, List<String> jvm, int warmup, int exportRows) throws Exception {
        String loadAtStart = load();
        long t0 = System.nanoTime();
        PortalProcess started = new PortalProcess("footprint-portal-" + variant, jvm,
                PortalProcess.words(System.getProperty("portal", "")));
        Process portal = started.process;
        Path log = started.log;
        String base = started.base();
        double healthUp = Double.NaN;
        double ready = Double.NaN;
        double cpuHealthUp = Double.NaN;
        double cpuReady = Double.NaN;
        StringBuilder out = new StringBuilder();
        try {
            // Both are polled until each has answered UP once: on a busy machine one poll may time out (2 s) while the
            // other answers, and health must not then go unmeasured.
            while ((Double.isNaN(ready) || Double.isNaN(healthUp))
                    && System.nanoTime() - t0 < Duration.ofMinutes(15).toNanos()) {
                if (!portal.isAlive()) {
                    throw new IllegalStateException("The portal stopped; see " + log);
                }
                if (Double.isNaN(healthUp) && PortalProcess.up(base + "/actuator/health")) {
                    healthUp = (System.nanoTime() - t0) / 1e9;
                    cpuHealthUp = PortalProcess.cpuSeconds(portal.pid());
                }
                if (Double.isNaN(ready) && PortalProcess.up(base + "/actuator/health/readiness")) {
                    ready = (System.nanoTime() - t0) / 1e9;
                    cpuReady = PortalProcess.cpuSeconds(portal.pid());
                }
                Thread.sleep(50);
            }
            if (Double.isNaN(ready) || Double.isNaN(healthUp)) {
                throw new IllegalStateException("Not healthy and ready within 15 minutes; see " + log);
            }
            long rssReady = PortalProcess.rss(portal.pid());
            String[] pages = {"/", "/activities", "/activities?q=b%C3%A4ttre+bem%C3%B6tande", "/activities?page=1",
                    "/activities/archive", "/knowledge", "/dialog-fund", "/accessibility", "/activities?lang=en"};
            int n = 0;
            for (String page : pages) {
                n += CatalogueBenchmark.measure(HTTP, base + page, 8, Math.max(1, warmup / pages.length),
                        "Cache-Control", "no-cache").count();
            }
            long rssWarm = PortalProcess.rss(portal.pid());
            String loadAfterWarmup = load();
            if (jvm.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
                // Where the resident memory goes (heap, classes, code, threads, GC, ...), from the JVM itself.
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(portal.pid()), "VM.native_memory", "summary").inheritIO().start().waitFor();
            }
            String exportLine = exportRows > 0 ? export(base, started, exportRows) : "";
            out.append(String.format(Locale.ROOT, "%n**%s** — %d cores, Java %s, portal JVM %s; date %s; load average %s "
                    + "at start, %s after the warm-up, %s at end%n%n", variant,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), jvm, LocalDate.now(),
                    loadAtStart, loadAfterWarmup, load()));
            out.append("| what | figure | notes |\n|---|---:|---|\n");
            out.append(String.format(Locale.ROOT, "| start to /actuator/health UP (alive) | %.1f s | fresh data "
                    + "directory; the JVM had used %.1f s of CPU |%n", healthUp, cpuHealthUp));
            out.append(String.format(Locale.ROOT, "| start to /actuator/health/readiness UP (pages served) | %.1f s | "
                    + "after the demo data; %.1f s of CPU |%n", ready, cpuReady));
            out.append(StartupPhases.table(log));
            out.append(String.format(Locale.ROOT, "| RSS when ready | %d MB | JVM only |%n", rssReady >> 20));
            out.append(String.format(Locale.ROOT, "| RSS after warm-up | %d MB | %d pages rendered afresh in %d s |%n",
                    rssWarm >> 20, n, warmup));
            out.append(exportLine);
        } finally {
            started.close();
        }
        System.out.println(out);
        return out.toString();
    }

    /** 100 000 sign-ups for one activity, then their Excel export as the administrator while the RSS is sampled. */
    private static String export(String base, PortalProcess started, int exportRows) throws Exception {
        Process portal = started.process;
        JdbcTemplate jdbc = started.jdbc();
        long activity = SignUpBenchmark.exportActivity(jdbc, exportRows);
        jdbc.execute("analyze sign_up");
        jdbc.execute("analyze person");
        SignUpBenchmark.Client admin = new SignUpBenchmark.Client(base);
        admin.login("admin@kompetensportal.example", "Kompetens2026");
        AtomicLong peak = new AtomicLong(PortalProcess.rss(portal.pid()));
        long before = peak.get();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(PortalProcess.rss(portal.pid()), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        });
        long e0 = System.nanoTime();
        double cpu0 = PortalProcess.cpuSeconds(portal.pid());
        HttpResponse<byte[]> xlsx = admin.download("/admin/activities/" + activity + "/sign-ups/export.xlsx");
        double seconds = (System.nanoTime() - e0) / 1e9;
        double cpu = PortalProcess.cpuSeconds(portal.pid()) - cpu0;
        running.set(false);
        sampler.join();
        return String.format(Locale.ROOT, "| Excel export, %d sign-ups (status %d, %d kB) | %.1f s | %.1f s of the "
                + "portal's CPU; RSS %d MB before, peak %d MB during, %d MB after |%n", exportRows, xlsx.statusCode(),
                xlsx.body().length / 1024, seconds, cpu, before >> 20, peak.get() >> 20, PortalProcess.rss(portal.pid()) >> 20);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
