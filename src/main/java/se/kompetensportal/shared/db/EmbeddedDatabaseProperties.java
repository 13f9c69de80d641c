package se.kompetensportal.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param enabled  whether the embedded database may be used at all
 * @param dataDir  where its data lives; blank means a temporary directory removed at shutdown (tests)
 * @param port     TCP port on 127.0.0.1, 0 for any free port
 */
@ConfigurationProperties("kp.embedded-db")
public record EmbeddedDatabaseProperties(Boolean enabled, String dataDir, Integer port) {

    public EmbeddedDatabaseProperties {
        enabled = enabled == null || enabled;
        dataDir = dataDir == null ? "./data/pg" : dataDir.trim();
        port = port == null ? 0 : port;
    }

    boolean temporary() {
        return dataDir.isEmpty();
    }
}
