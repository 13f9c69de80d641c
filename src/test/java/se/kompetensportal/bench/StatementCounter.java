package se.kompetensportal.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
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
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
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
