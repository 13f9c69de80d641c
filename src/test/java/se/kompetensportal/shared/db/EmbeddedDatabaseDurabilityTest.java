package se.kompetensportal.shared.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps what it acknowledged: started with the settings users get (the application's own
 * configuration, nothing from the test profile), the running server says {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on. Only a temporary database may be started without them.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDatabaseUsersGetCommitsToDiskBeforeItAnswers() throws Exception {
        EmbeddedDatabaseProperties properties = asUsersGetThem(dir.resolve("pg"));
        assertThat(properties.durable()).isTrue();
        try (EmbeddedPostgresServer server = new EmbeddedDatabaseConfiguration().embeddedPostgresServer(properties)) {
            assertThat(settings(server)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on");
        }
    }

    @Test
    void dataThatIsKeptIsDurableEvenWhenConfiguredOtherwise() {
        assertThat(new EmbeddedDatabaseProperties(null, dir.toString(), null, false).durable()).isTrue();
        assertThat(new EmbeddedDatabaseProperties(null, "", null, false).durable()).as("a throw-away database").isFalse();
        assertThat(new EmbeddedDatabaseProperties(null, "", null, null).durable()).isTrue();
    }

    @Test
    void aThrowAwayDatabaseMaySkipWaitingForTheDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0, false)) {
            assertThat(settings(server)).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off");
        }
    }

    /** The kp.embedded-db settings as application.properties gives them, with only the data directory moved. */
    private static EmbeddedDatabaseProperties asUsersGetThem(Path dataDir) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ResourcePropertySource(
                new ClassPathResource("application.properties")));
        EmbeddedDatabaseProperties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("kp.embedded-db", EmbeddedDatabaseProperties.class);
        return new EmbeddedDatabaseProperties(bound.enabled(), dataDir.toString(), bound.port(), bound.durable());
    }

    static Map<String, String> settings(EmbeddedPostgresServer server) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }
}
