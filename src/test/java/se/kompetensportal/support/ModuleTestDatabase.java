package se.kompetensportal.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;
import se.kompetensportal.shared.db.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL for every module test ({@code @ApplicationModuleTest}) of a test JVM, started on first use
 * and stopped when the JVM ends. Each module test's context is small and of its own, but they all point at this one
 * database (migrated once by the first, validated by the others), so a module test costs its beans, not a database
 * start and a migration. The demo data is off (an external data source): module tests create their own rows, with ids
 * no other module test uses. The portal's shared context ({@link PortalIntegrationTest}) keeps its own database.
 */
public final class ModuleTestDatabase {

    /** A personal-data key for the module tests' throw-away data only. */
    private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private static EmbeddedPostgresServer server;

    private ModuleTestDatabase() {
    }

    /** Points the context's data source at the shared module-test database; call from a {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", ModuleTestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        // Explicit, because the portal's own embedded database is decided before these properties exist.
        registry.add("kp.embedded-db.active", () -> "false");
        registry.add("kp.demo.enabled", () -> "false");
        registry.add("kp.crypto.key", () -> KEY);
        // An empty installation needs its first administrator (accounts' FirstAdministratorInitializer).
        registry.add("kp.admin.email", () -> "modultest-admin@example.se");
        registry.add("kp.admin.password", () -> "modultest-losenord-1");
    }

    private static synchronized String jdbcUrl() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(null, 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "module-test-database-stop"));
        }
        return server.jdbcUrl();
    }
}
