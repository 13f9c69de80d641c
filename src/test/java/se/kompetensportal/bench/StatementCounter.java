package se.kompetensportal.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the portal prepares or executes (Hibernate, JdbcTemplate, Spring Session, Flyway: all go
 * through the {@link DataSource}), by handing out connections wrapped in a counting proxy. For a benchmark only: it
 * tells the statements per request, a figure that does not depend on how busy the machine is.
 */
final class StatementCounter implements BeanPostProcessor {

    static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof Counting) {
            return bean;
        }
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class, Counting.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                STATEMENTS.incrementAndGet();
                Object statement = invoke(connection, method, args);
                return TIMED && statement instanceof PreparedStatement ps ? timed(ps, (String) args[0]) : statement;
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    /** With {@code -Dstatements=true}: the time each prepared statement's executions took, by its SQL text. */
    static final boolean TIMED = Boolean.getBoolean("statements");

    private static final Map<String, long[]> TIMES = new ConcurrentHashMap<>();

    private static PreparedStatement timed(PreparedStatement statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            long start = System.nanoTime();
            try {
                return invoke(statement, method, args);
            } finally {
                long nanos = System.nanoTime() - start;
                long[] t = TIMES.computeIfAbsent(sql, k -> new long[2]);
                synchronized (t) {
                    t[0]++;
                    t[1] += nanos;
                }
            }
        };
        return (PreparedStatement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    /** Forgets the statement times collected so far. */
    static void resetTimes() {
        TIMES.clear();
    }

    /** The {@code limit} statements that took the most time since the last reset: total ms, executions, SQL. */
    static String topTimes(int limit) {
        StringBuilder out = new StringBuilder("| total ms | executions | ms each | statement |\n|---:|---:|---:|---|\n");
        TIMES.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(limit)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %.0f | %d | %.2f | %s |%n", e.getValue()[1] / 1e6,
                        e.getValue()[0], e.getValue()[1] / 1e6 / e.getValue()[0],
                        e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(160,
                                e.getKey().replaceAll("\\s+", " ").length())))));
        return out.toString();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Marks the proxy, so it is not wrapped twice. */
    interface Counting {
    }
}
