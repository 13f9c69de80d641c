package se.kompetensportal.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What the portal writes when it starts (the first administrator, the demo data) it writes under a PostgreSQL advisory
 * lock, held from before the first such runner until after the last. Two instances started together on an empty
 * database therefore load it one after the other: the second waits, then finds the data there and leaves it alone.
 * The lock belongs to a connection of its own, so it goes with the connection if the instance dies while holding it.
 */
@Configuration(proxyBeanMethods = false)
class StartupDataLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupDataLock.class);
    /** The advisory lock's key: any number the portal uses for nothing else. */
    static final long KEY = 0x4b50_5354_4152_5455L;

    private final DataSource dataSource;
    private Connection holder;

    StartupDataLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner takeStartupDataLock() {
        return args -> lock();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner releaseStartupDataLock() {
        return (ApplicationArguments args) -> release();
    }

    synchronized void lock() throws SQLException {
        holder = dataSource.getConnection();
        try (Statement statement = holder.createStatement()) {
            statement.execute("select pg_try_advisory_lock(" + KEY + ")");
            var rs = statement.getResultSet();
            rs.next();
            if (!rs.getBoolean(1)) {
                log.info("Another instance is loading the start-up data; waiting for it");
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
        }
    }

    synchronized void release() throws SQLException {
        if (holder != null) {
            try (Connection c = holder; Statement statement = c.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + KEY + ")");
            } finally {
                holder = null;
            }
        }
    }

    @Override
    public void destroy() throws SQLException {
        // A start that failed half-way never reached the releasing runner.
        release();
    }
}
