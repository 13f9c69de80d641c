package se.kompetensportal.accounts;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** Login by password and by one-time e-mail link, over real HTTP sessions. */
class LoginTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCorrectPasswordSignsInAndChangesTheSessionId() throws Exception {
        HttpSession session = new HttpSession(port);
        session.get("/login");
        String before = session.sessionId().orElseThrow();
        HttpResponse<String> response = session.login("sekreterare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(session.sessionId()).isPresent().get().isNotEqualTo(before);
        assertThat(session.get("/admin/projects").statusCode()).isEqualTo(200);
    }

    @Test
    void theEmailAddressIsNotCaseSensitive() throws Exception {
        HttpSession session = new HttpSession(port);
        assertThat(location(session.login("SEKRETERARE" + TestUsers.DEMO_DOMAIN.toUpperCase(), TestUsers.DEMO_PASSWORD)))
                .endsWith("/");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        HttpSession session = new HttpSession(port);
        assertThat(location(session.login("sekreterare" + TestUsers.DEMO_DOMAIN, "fel-lösenord"))).endsWith("/login?error");
        assertThat(location(session.login("finns-inte@example.se", "fel-lösenord"))).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("Fel e-postadress eller lösenord");
    }

    @Test
    void repeatedFailuresFromOneAddressHoldThatAddressBackEvenWithTheRightPassword() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession attacker = new HttpSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(location(attacker.login(email, "gissning-" + i))).endsWith("/login?error");
        }
        assertThat(location(attacker.login(email, TestUsers.DEMO_PASSWORD))).endsWith("/login?throttled");
        assertThat(location(new HttpSession(port).login(email, TestUsers.DEMO_PASSWORD))).endsWith("/login?throttled");
        assertThat(attacker.get("/login?throttled").body()).contains("För många misslyckade inloggningar");
        // Other accounts are not affected (and neither is this account from another address: SessionSecurityTest).
        assertThat(location(new HttpSession(port).login("sokande" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD)))
                .endsWith("/");
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledAcrossAccounts() throws Exception {
        jdbc.update("insert into rate_limit (bucket_key, hits, window_start) values ('login-ip:127.0.0.1', 50, now()) "
                + "on conflict (bucket_key) do update set hits = 50, window_start = now()");
        try {
            String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
            assertThat(location(new HttpSession(port).login(email, TestUsers.DEMO_PASSWORD))).endsWith("/login?throttled");
        } finally {
            jdbc.update("delete from rate_limit where bucket_key = 'login-ip:127.0.0.1'");
        }
    }

    @Test
    void aDeactivatedUserCannotSignInAndIsSignedOutOfOpenSessions() throws Exception {
        String email = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        HttpSession session = new HttpSession(port);
        assertThat(location(session.login(email, TestUsers.DEMO_PASSWORD))).endsWith("/");
        assertThat(session.get("/admin/projects").statusCode()).isEqualTo(200);

        jdbc.update("update app_user set enabled = false where email = ?", email);
        assertThat(location(session.get("/admin/projects"))).endsWith("/login");
        assertThat(location(new HttpSession(port).login(email, TestUsers.DEMO_PASSWORD))).endsWith("/login?error");
    }

    @Test
    void aRoleTakenAwayAppliesToTheOpenSessionAtOnce() throws Exception {
        String email = users.create(Set.of(Role.SECRETARY), null, Set.of());
        HttpSession session = new HttpSession(port);
        session.login(email, TestUsers.DEMO_PASSWORD);
        assertThat(session.get("/admin/projects").statusCode()).isEqualTo(200);
        jdbc.update("update app_user_role set role = 'PARTICIPANT' where user_id = (select id from app_user where email = ?)", email);
        assertThat(session.get("/admin/projects").statusCode()).isEqualTo(403);
    }

    @Test
    void aLoginLinkIsMailedUsedOnceAndLeadsToTheRequestedPage() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession session = new HttpSession(port);
        HttpResponse<String> requested = session.post("/login", "/login/link",
                Map.of("username", email.toUpperCase(), "continue", "/account"));
        assertThat(location(requested)).endsWith("/login/link-sent");

        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'accounts.login-link' order by id desc limit 1", String.class, email);
        Matcher link = Pattern.compile("http://localhost:8080(/login/ott\\?token=([0-9a-f-]+)&continue=/account)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(body).contains("Här är din länk för att logga in");

        // Opening the link shows a button; only pressing it (a POST) signs in.
        HttpResponse<String> page = session.get(link.group(1));
        assertThat(page.body()).contains("name=\"token\" value=\"" + link.group(2) + "\"");
        HttpResponse<String> signedIn = session.post(link.group(1), "/login/ott",
                Map.of("token", link.group(2), "continue", "/account"));
        assertThat(location(signedIn)).endsWith("/account");
        assertThat(session.get("/account").statusCode()).isEqualTo(200);

        HttpSession other = new HttpSession(port);
        assertThat(location(other.post("/login", "/login/ott", Map.of("token", link.group(2))))).endsWith("/login?linkExpired");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        HttpResponse<String> response = new HttpSession(port).post("/login", "/login/link",
                Map.of("username", "ingen-alls@example.se"));
        assertThat(location(response)).endsWith("/login/link-sent");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = 'ingen-alls@example.se'",
                Integer.class)).isZero();
    }

    @Test
    void oneAddressCanAskForOnlyAFewLinksAnHour() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession session = new HttpSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(location(session.post("/login", "/login/link", Map.of("username", email)))).endsWith("/login/link-sent");
        }
        assertThat(location(session.post("/login", "/login/link", Map.of("username", email)))).endsWith("/login?linkThrottled");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, email))
                .isEqualTo(5);
    }

    @Test
    void theContinueParameterCannotSendUsersToAnotherSite() throws Exception {
        HttpSession session = new HttpSession(port);
        HttpResponse<String> response = session.post("/login", "/login",
                Map.of("email", "sekreterare" + TestUsers.DEMO_DOMAIN, "password", TestUsers.DEMO_PASSWORD,
                        "continue", "//evil.example/phish"));
        assertThat(location(response)).doesNotContain("evil");
    }

    @Test
    void usersChooseAndChangeTheirOwnPassword() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        HttpSession session = new HttpSession(port);
        session.login(email, TestUsers.DEMO_PASSWORD);
        HttpResponse<String> wrong = session.post("/account", "/account/password",
                Map.of("currentPassword", "fel", "newPassword", "ett nytt långt lösen", "confirmation", "ett nytt långt lösen"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Det nuvarande lösenordet stämmer inte.");
        HttpResponse<String> tooShort = session.post("/account", "/account/password",
                Map.of("currentPassword", TestUsers.DEMO_PASSWORD, "newPassword", "kort", "confirmation", "kort"));
        assertThat(tooShort.body()).contains("Lösenordet måste ha minst 10 tecken.");
        HttpResponse<String> ok = session.post("/account", "/account/password", Map.of("currentPassword",
                TestUsers.DEMO_PASSWORD, "newPassword", "ett nytt långt lösen", "confirmation", "ett nytt långt lösen"));
        assertThat(location(ok)).endsWith("/account");
        assertThat(location(new HttpSession(port).login(email, "ett nytt långt lösen"))).endsWith("/");
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
