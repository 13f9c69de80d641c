package se.kompetensportal.dialogfund;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.dialogfund.domain.ApplicantSignIn;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Applicants sign in on the public page with name and e-mail: the account is created (or given the applicant role)
 * and a one-time link is mailed that leads, once used, to "my applications".
 */
class ApplicantSignInTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountsApi accounts;

    @Autowired
    ApplicantSignIn signIn;

    @Test
    void aNewApplicantGetsAnAccountAndALinkToTheirApplications() throws Exception {
        String email = "ny-" + UUID.randomUUID().toString().substring(0, 8) + "@forening.example";
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.1"))
                        .param("name", "Nora Ny").param("email", email.toUpperCase(Locale.ROOT)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dialog-fund/sign-in/sent"));
        var account = accounts.userByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.APPLICANT);
        assertThat(account.displayName()).isEqualTo("Nora Ny");

        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'accounts.login-link'", String.class, email);
        Matcher link = Pattern.compile("http://localhost:8080(/login/ott\\?token=([0-9a-f-]+)&continue=/dialog-fund/my)")
                .matcher(body);
        assertThat(link.find()).as(body).isTrue();
        HttpSession session = new HttpSession(port);
        HttpResponse<String> signedIn = session.post(link.group(1), "/login/ott",
                Map.of("token", link.group(2), "continue", "/dialog-fund/my"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/dialog-fund/my");
        HttpResponse<String> mine = session.get("/dialog-fund/my");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Mina ansökningar");
    }

    @Test
    void anExistingAccountKeepsItsRolesAndGetsTheApplicantRole() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.2"))
                        .param("name", "Annat namn").param("email", email))
                .andExpect(status().isFound());
        var account = accounts.userByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.APPLICANT);
        assertThat(account.displayName()).isEqualTo("Test " + email);
    }

    @Test
    void theFormAsksForANameAndAValidAddress() throws Exception {
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.3"))
                        .param("name", "").param("email", "inte-en-adress"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fältet måste fyllas i.")))
                .andExpect(content().string(containsString("Ange en giltig e-postadress")));
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.3"))
                        .param("name", "Utan punkt").param("email", "namn@localhost"))
                .andExpect(status().isUnprocessableContent());
        assertThat(accounts.userByEmail("namn@localhost")).isEmpty();
    }

    @Test
    void oneAddressOnTheNetworkCannotCreateAccountsInBulk() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.4"))
                            .param("name", "Bulk").param("email", "bulk" + i + "-" + UUID.randomUUID() + "@x.example"))
                    .andExpect(status().isFound());
        }
        String last = "bulk-last-" + UUID.randomUUID() + "@x.example";
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.4"))
                        .param("name", "Bulk").param("email", last))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Du har bett om många länkar")));
        assertThat(accounts.userByEmail(last)).isEmpty();
    }

    @Test
    void twoSignInsForTheSameNewAddressAtOnceMakeOneAccount() throws Exception {
        String email = "samtidig-" + UUID.randomUUID().toString().substring(0, 8) + "@forening.example";
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String ip = "10.6.1." + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return signIn.signIn("Samtidig", email, ip, Locale.of("sv"));
                }));
            }
            go.countDown();
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email))
                .isEqualTo(1);
        assertThat(accounts.userByEmail(email).orElseThrow().roles()).contains(Role.APPLICANT);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
