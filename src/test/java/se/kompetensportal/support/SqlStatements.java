package se.kompetensportal.support;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread (set as Hibernate's statement inspector in the
 * test profile). MockMvc handles a request on the test's own thread, so {@link #during} gives exactly the statements
 * of that request, untouched by background jobs on other threads.
 */
public class SqlStatements implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> recorded = RECORDED.get();
        if (recorded != null) {
            recorded.add(sql);
        }
        return sql;
    }

    /** Runs the action and returns the statements it prepared on this thread. */
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

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }
}
