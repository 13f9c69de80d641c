package se.kompetensportal.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param enabled  whether the embedded database may be used at all
 * @param dataDir  where its data lives; blank means a temporary directory removed at shutdown (tests)
 * @param port     TCP port on 127.0.0.1, 0 for any free port
 * @param durable  whether a commit is on disk before it is acknowledged ({@code fsync}, {@code synchronous_commit},
 *                 {@code full_page_writes} on, as a production server has them). Always so for a data directory
 *                 that is kept; {@code false} is honoured only for a temporary one (the tests' throw-away databases).
 */
@ConfigurationProperties("kp.embedded-db")
public record EmbeddedDatabaseProperties(Boolean enabled, String dataDir, Integer port, Boolean durable) {

    public EmbeddedDatabaseProperties {
        enabled = enabled == null || enabled;
        dataDir = dataDir == null ? "./data/pg" : dataDir.trim();
        port = port == null ? 0 : port;
        durable = durable == null || durable || !dataDir.isEmpty();
    }

    boolean temporary() {
        return dataDir.isEmpty();
    }
}
