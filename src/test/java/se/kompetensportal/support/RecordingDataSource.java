package se.kompetensportal.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean so that the connections it hands out tell {@link SqlStatements} each statement:
 * a prepared statement or call once, when it is prepared (as Hibernate's statement inspector saw them), and a plain
 * statement at each SQL text it executes or batches. Everything else goes straight to the real objects, unwrapping
 * included ({@code unwrap(HikariDataSource.class)} still gives the pool), and so does closing the data source.
 */
final class RecordingDataSource implements BeanPostProcessor {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");
    private static final Set<String> EXECUTING_TEXT = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof Recording) {
            return bean;
        }
        Class<?>[] types = dataSource instanceof AutoCloseable
                ? new Class<?>[] {DataSource.class, AutoCloseable.class, Recording.class}
                : new Class<?>[] {DataSource.class, Recording.class};
        return proxy(types, dataSource, (proxy, method, args) -> {
            Object result = invoke(dataSource, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private static Connection connection(Connection connection) {
        return (Connection) proxy(new Class<?>[] {Connection.class}, connection, (proxy, method, args) -> {
            String name = method.getName();
            if (PREPARING.contains(name)) {
                SqlStatements.record((String) args[0]);
            }
            Object result = invoke(connection, method, args);
            return name.equals("createStatement") ? statement((Statement) result) : result;
        });
    }

    private static Statement statement(Statement statement) {
        return (Statement) proxy(new Class<?>[] {Statement.class}, statement, (proxy, method, args) -> {
            if (EXECUTING_TEXT.contains(method.getName()) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                SqlStatements.record(sql);
            }
            return invoke(statement, method, args);
        });
    }

    /** A proxy that is equal only to itself (Spring compares connections it holds with those it is handed back). */
    private static Object proxy(Class<?>[] types, Object target, InvocationHandler handler) {
        return Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), types, (proxy, method, args) -> {
            return switch (method.getName()) {
                case "equals" -> args.length == 1 && proxy == args[0];
                case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy)
                        : handler.invoke(proxy, method, args);
                case "toString" -> method.getParameterCount() == 0 ? "recording " + target
                        : handler.invoke(proxy, method, args);
                default -> handler.invoke(proxy, method, args);
            };
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Marks the proxy, so that it is not wrapped twice. */
    interface Recording {
    }
}
