package se.kompetensportal.accounts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The security details of sessions and sign-in: a new password ends the user's other sessions; failed logins slow down
 * the one guessing without locking the owner out; redirects never carry a forged host; over HTTPS (also behind a
 * proxy) the session cookie is Secure and HSTS is sent.
 */
class SessionSecurityTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewPasswordEndsTheUsersOtherSessionsButNotThisOne() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession laptop = new HttpSession(port);
        HttpSession phone = new HttpSession(port);
        assertThat(location(laptop.login(email, TestUsers.DEMO_PASSWORD))).doesNotContain("/login");
        assertThat(location(phone.login(email, TestUsers.DEMO_PASSWORD))).doesNotContain("/login");
        String before = laptop.sessionCookie().orElseThrow();

        HttpResponse<String> changed = laptop.post("/account", "/account/password", Map.of("currentPassword",
                TestUsers.DEMO_PASSWORD, "newPassword", "ett helt nytt lösenord", "confirmation", "ett helt nytt lösenord"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(laptop.sessionCookie().orElseThrow()).as("the session continues under a new id").isNotEqualTo(before);
        assertThat(location(phone.get("/account"))).contains("/login");
    }

    @Test
    void aPasswordSetByAnAdministratorEndsAllTheUsersSessions() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession session = new HttpSession(port);
        session.login(email, TestUsers.DEMO_PASSWORD);
        assertThat(session.get("/account").statusCode()).isEqualTo(200);
        long id = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        mvc.perform(post("/admin/users/" + id + "/password").with(users.demo("admin")).with(csrf())
                        .param("newPassword", "administratörens lösen").param("confirmation", "administratörens lösen"))
                .andExpect(redirectedUrl("/admin/users/" + id + "/edit"));
        assertThat(location(session.get("/account"))).contains("/login");
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutFromAnother() throws Exception {
        String victim = users.create(Set.of(Role.SECRETARY), null, Set.of());
        for (int i = 0; i < 5; i++) {
            assertThat(login(victim, "gissning-" + i, "203.0.113.9")).isEqualTo("/login?error");
        }
        // The guesser's address is held back, even with the right password...
        assertThat(login(victim, TestUsers.DEMO_PASSWORD, "203.0.113.9")).isEqualTo("/login?throttled");
        // ...but the owner, elsewhere, signs in.
        assertThat(login(victim, TestUsers.DEMO_PASSWORD, "198.51.100.20")).isEqualTo("/");
    }

    @Test
    void guessingOneAccountFromManyAddressesMeetsAGrowingWaitNotALock() throws Exception {
        String victim = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        for (int i = 0; i < 10; i++) {
            assertThat(login(victim, "gissning-" + i, "192.0.2." + (10 + i))).isEqualTo("/login?error");
        }
        // Ten failures from ten addresses: an attempt right after the latest failure, from anywhere, must wait a little.
        // (The latest failure is set to "just now" before each attempt, so that a slow machine does not pass the wait.)
        justFailed(victim);
        assertThat(login(victim, "gissning-x", "192.0.2.99")).isEqualTo("/login?wait");
        justFailed(victim);
        assertThat(login(victim, TestUsers.DEMO_PASSWORD, "198.51.100.21")).isEqualTo("/login?wait");
        // The wait is counted from the latest failure: once it has passed, the owner signs in.
        jdbc.update("update rate_limit set last_hit = now() - interval '2 minutes' where bucket_key = ?",
                "login:" + victim);
        assertThat(login(victim, TestUsers.DEMO_PASSWORD, "198.51.100.21")).isEqualTo("/");
        assertThat(mvc.perform(get("/login").param("wait", "")).andReturn().getResponse().getContentAsString())
                .contains("Vänta en minut");
    }

    @Test
    void aForgedHostHeaderNeverComesBackInARedirect() throws Exception {
        String location = mvc.perform(get("http://evil.example/admin/projects")).andReturn().getResponse()
                .getHeader("Location");
        assertThat(location).doesNotContain("evil.example").isIn("/login", "http://localhost:8080/login");

        // The same over real HTTP, where Tomcat and Spring Security build the redirect.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /admin/projects HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            String redirect = in.lines().takeWhile(l -> !l.isEmpty())
                    .filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElseThrow();
            assertThat(status).contains("302");
            assertThat(redirect).doesNotContain("evil.example").contains("/login");
        }
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        mvc.perform(get("/login").secure(true)).andExpect(header().exists("Strict-Transport-Security"));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));

        // Behind a TLS-terminating proxy (a trusted address: here loopback) that says so in X-Forwarded-Proto.
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/login")).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(HttpSession.SESSION_COOKIE + "=").contains("Secure").contains("HttpOnly")
                .contains("SameSite=Lax"));
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie)
                .doesNotContain("Secure"));
    }

    private void justFailed(String email) {
        jdbc.update("update rate_limit set last_hit = now() where bucket_key = ?", "login:" + email);
    }

    private String login(String email, String password, String address) throws Exception {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        return mvc.perform(post("/login").with(csrf()).with(from).param("email", email).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
