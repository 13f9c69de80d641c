package se.kompetensportal.shared;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kompetensportal.shared.db.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps its data across restarts, and a start after the previous process was killed with
 * {@code kill -9} (leaving its postgres running, or a stale postmaster.pid) still works.
 */
class EmbeddedPostgresRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aServerLeftByAKilledProcessIsStoppedAndTheDataSurvives() throws Exception {
        Path data = dir.resolve("pg");
        Process owner = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresHolder.class.getName(), data.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // wait for the child to report its server running
            }
            assertThat(line).as("child process started its database").startsWith("READY");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphanPid)).as("postgres outlives its killed owner").isPresent();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before kill -9");
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    /** Run in a child JVM: starts the server, writes a row, reports READY, and waits to be killed. */
    public static final class EmbeddedPostgresHolder {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                c.createStatement().execute("create table survivor (note text)");
                c.createStatement().execute("insert into survivor values ('written before kill -9')");
            }
            System.out.println("READY");
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }
}
