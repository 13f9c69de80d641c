package se.kompetensportal.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The portal as a JVM of its own, as an operator runs it: its runtime classpath (not the test jars), the JVM options
 * given, a fresh embedded database in a temporary directory (initdb, migrations, demo data) on a port of its own, and
 * its output in {@code target/<name>.log}. For benchmarks that must measure the portal's process apart from the load
 * clients and the baseline ({@link FootprintBenchmark}, {@link PortalVersusBaseline} with {@code portalJvm}).
 */
final class PortalProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final int port = freePort();
    final int pgPort = freePort();
    final Path log;
    final Process process;
    private final Path data;

    PortalProcess(String name, List<String> jvm, List<String> portalArguments) throws IOException {
        data = Files.createTempDirectory("kp-" + name + "-");
        log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", runtimeClasspath(), "se.kompetensportal.KompetensportalApplication",
                "--server.port=" + port, "--kp.embedded-db.data-dir=" + data.resolve("pg"),
                "--kp.embedded-db.port=" + pgPort, "--kp.base-url=http://localhost", "--spring.main.banner-mode=off",
                "--kp.mail.send-interval=PT1H"));
        command.addAll(portalArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** A connection to the portal's embedded database (once it is up), for benchmark data and the baseline. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(jdbcUrl(), "postgres", "", true));
    }

    /** Waits until the portal's readiness answers UP (the demo data loaded, pages served). */
    void awaitReady(Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!up(base() + "/actuator/health/readiness")) {
            if (!process.isAlive() || System.nanoTime() - t0 > limit.toNanos()) {
                throw new IllegalStateException("The portal did not get ready; see " + log);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The CPU time (user and system) a process has used, in seconds: on a machine shared with other work, a measure
     * that the load changes much less than the wall-clock time.
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The resident memory of a process, in bytes. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException ignored) {
            // gone
        }
        return 0;
    }

    /** Whether a health address answers UP (false while it cannot be reached or says otherwise). */
    static boolean up(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Space-separated options as a list. */
    static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /**
     * The portal as its jar runs it: its classes and its runtime dependencies (written by the benchmark profile to
     * {@code target/runtime-classpath.txt}), not the test jars the benchmarks run with (Jackson 2, Mockito, ...).
     */
    private static String runtimeClasspath() throws IOException {
        Path dependencies = Path.of("target", "runtime-classpath.txt");
        if (!Files.exists(dependencies)) {
            System.err.println("No target/runtime-classpath.txt: the portal runs on the test classpath");
            return System.getProperty("java.class.path");
        }
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(dependencies).trim();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
