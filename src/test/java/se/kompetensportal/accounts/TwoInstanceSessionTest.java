package se.kompetensportal.accounts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.shared.db.EmbeddedPostgresServer;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the portal on one database, as behind a load balancer: a session begun on one is valid on the
 * other, and signing out on one ends it on both. Each instance is a whole application context with its own web server.
 */
class TwoInstanceSessionTest {

    @TempDir
    static Path dir;

    static EmbeddedPostgresServer database;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        database = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        // The first instance migrates the schema and loads the demo data; the second starts on what is there.
        first = instance(key, true);
        second = instance(key, false);
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static ConfigurableApplicationContext instance(String cryptoKey, boolean demo) {
        // As arguments, not default properties: those rank below the portal's own embedded-database defaults.
        return new SpringApplicationBuilder(KompetensportalApplication.class).run(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--kp.crypto.key=" + cryptoKey,
                "--kp.demo.enabled=" + demo,
                "--server.port=0",
                "--server.shutdown=immediate",
                "--kp.mail.send-interval=PT1H");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aSessionSignedInOnOneInstanceIsValidOnTheOther() throws Exception {
        HttpSession onFirst = new HttpSession(port(first));
        HttpResponse<String> login = onFirst.login("sekreterare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        String cookie = onFirst.sessionCookie().orElseThrow();

        HttpSession onSecond = new HttpSession(port(second)).withSessionCookie(cookie);
        HttpResponse<String> page = onSecond.get("/admin/projects");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/logout\"");

        // The session is a row in the shared database, under the user's address.
        Integer rows = new JdbcTemplate(first.getBean(javax.sql.DataSource.class)).queryForObject(
                "select count(*) from spring_session where principal_name = ?", Integer.class,
                "sekreterare" + TestUsers.DEMO_DOMAIN);
        assertThat(rows).isPositive();

        // A form rendered by one instance is accepted by the other (the CSRF token is in the shared session), and
        // signing out there ends the session on the first instance too.
        HttpResponse<String> logout = onSecond.post("/account", "/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = new HttpSession(port(first)).withSessionCookie(cookie).get("/admin/projects");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void anAnonymousVisitorOfTheCatalogueGetsNoSessionOnEitherInstance() throws Exception {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            HttpSession visitor = new HttpSession(port(instance));
            assertThat(visitor.get("/activities").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/").statusCode()).isEqualTo(200);
            assertThat(visitor.sessionCookie()).isEmpty();
        }
    }
}
