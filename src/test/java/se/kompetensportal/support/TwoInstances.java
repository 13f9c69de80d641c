package se.kompetensportal.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.shared.db.EmbeddedPostgresServer;

/**
 * Two instances of the whole portal on one database, as behind a load balancer: a fresh PostgreSQL, both application
 * contexts started at the same moment on it (so they also race to migrate it and load the demo data), each on its own
 * HTTP port, each running the scheduled mail sender, both delivering to one GreenMail SMTP server.
 *
 * <p>The cron jobs are off; a test runs a job through its scheduled method on one instance or on both at once. Each
 * instance's database connections carry its name ({@code kp-a}, {@code kp-b}) as PostgreSQL application name, so a
 * test can cut them ({@link #terminateConnections()}). A check that a session made on one instance is valid on the
 * other goes here too: sign in at {@code a().baseUrl()} and use the cookie at {@code b().baseUrl()}.
 *
 * <p>Starts in about half a minute on two quiet cores; close it at the end of the test class.
 */
public final class TwoInstances implements AutoCloseable {

    /** One running portal. */
    public record Instance(String name, ConfigurableApplicationContext context) {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public int port() {
            return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        }

        public String baseUrl() {
            return "http://localhost:" + port();
        }
    }

    private final EmbeddedPostgresServer database;
    private final GreenMail mail;
    private final DriverManagerDataSource admin;
    private final List<Instance> instances;

    private TwoInstances(EmbeddedPostgresServer database, GreenMail mail, List<Instance> instances) {
        this.database = database;
        this.mail = mail;
        this.admin = new DriverManagerDataSource(database.jdbcUrl(), "postgres", "");
        this.instances = instances;
    }

    /**
     * Starts the database, the mail server and both instances.
     *
     * @param properties settings for both instances on top of the defaults here (e.g. {@code kp.mail.claim-lease})
     */
    public static TwoInstances start(Map<String, String> properties) throws Exception {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(null, 0, false);
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        String cryptoKey = Base64.getEncoder().encodeToString(new byte[32]);
        // Two threads of their own: the common pool has a single thread on a two-core machine. The second starts once
        // the first has set up logging (which is JVM-wide), and both then build their contexts side by side.
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CountDownLatch loggingReady = new CountDownLatch(1);
        Future<Instance> a = starters.submit(() -> instance("kp-a", database, mail, cryptoKey, properties,
                loggingReady::countDown));
        loggingReady.await(2, TimeUnit.MINUTES);
        Future<Instance> b = starters.submit(() -> instance("kp-b", database, mail, cryptoKey, properties, () -> { }));
        starters.shutdown();
        try {
            return new TwoInstances(database, mail, List.of(a.get(), b.get()));
        } catch (ExecutionException e) {
            for (Future<Instance> started : List.of(a, b)) {
                try {
                    started.get().context().close();
                } catch (ExecutionException failed) {
                    // this one did not start
                }
            }
            mail.stop();
            database.close();
            throw e;
        }
    }

    private static Instance instance(String name, EmbeddedPostgresServer database, GreenMail mail, String cryptoKey,
            Map<String, String> overrides, Runnable prepared) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.hikari.data-source-properties.ApplicationName", name);
        settings.put("spring.datasource.hikari.maximum-pool-size", "8");
        settings.put("kp.crypto.key", cryptoKey);
        settings.put("kp.demo.enabled", "true");
        settings.put("kp.base-url", "http://localhost:8080");
        settings.put("server.port", "0");
        settings.put("server.shutdown", "immediate");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.application.name", name);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
        settings.put("kp.mail.send-interval", "PT0.2S");
        settings.put("kp.participants.reminder-cron", "-");
        settings.put("kp.participants.retention-cron", "-");
        settings.put("kp.surveys.cron", "-");
        settings.put("kp.dialogfund.reminder-cron", "-");
        settings.putAll(overrides);
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .listeners((ApplicationListener<ApplicationPreparedEvent>) event -> prepared.run())
                .run(args.toArray(String[]::new));
        return new Instance(name, context);
    }

    public Instance a() {
        return instances.get(0);
    }

    public Instance b() {
        return instances.get(1);
    }

    public List<Instance> both() {
        return instances;
    }

    /** The shared database, reached directly (not through either instance). */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(admin);
    }

    public DataSource dataSource() {
        return admin;
    }

    public GreenMail mail() {
        return mail;
    }

    /** Cuts every database connection the two instances hold, as a database restart or a network fault would. */
    public int terminateConnections() {
        return jdbc().queryForObject("""
                select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                where application_name in ('kp-a', 'kp-b')""", Integer.class);
    }

    @Override
    public void close() throws IOException {
        instances.forEach(i -> i.context().close());
        mail.stop();
        database.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
