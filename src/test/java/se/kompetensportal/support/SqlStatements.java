package se.kompetensportal.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements sent through the application's data source on the current thread: Hibernate's, and those
 * of JdbcTemplate, JdbcClient, Spring Session and anything else that takes a connection from it
 * ({@link RecordingDataSource}, installed by {@link Configuration}, which {@link PortalIntegrationTest} imports). MockMvc
 * handles a request on the test's own thread, so {@link #during} gives exactly the statements of that request,
 * untouched by background jobs on other threads.
 */
public final class SqlStatements {

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    private SqlStatements() {
    }

    /** Runs the action and returns the statements it prepared or executed on this thread, in order. */
    public static List<String> during(Action action) throws Exception {
        List<String> recorded = new ArrayList<>();
        RECORDED.set(recorded);
        try {
            action.run();
        } finally {
            RECORDED.remove();
        }
        return recorded;
    }

    /** Called by the data source's connections for each statement they prepare or execute. */
    static void record(String sql) {
        List<String> recorded = RECORDED.get();
        if (recorded != null) {
            recorded.add(sql);
        }
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Wraps the application's data source so that its connections record their statements. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new RecordingDataSource();
        }
    }
}
