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
 * Applicants sign in on the public page with name and e-mail: a one-time link is mailed that leads, once used, to "my
 * applications". Sending the form changes no account; the account is created (or given the applicant role) when the
 * link is used, and a staff account never gets a role this way.
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
    void aNewApplicantGetsAnAccountWhenTheLinkIsUsed() throws Exception {
        String email = "ny-" + UUID.randomUUID().toString().substring(0, 8) + "@forening.example";
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.1"))
                        .param("name", "Nora Ny").param("email", email.toUpperCase(Locale.ROOT)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dialog-fund/sign-in/sent"));
        assertThat(accounts.userByEmail(email)).as("no account before the address is confirmed").isEmpty();

        HttpSession session = useLink(email);
        var account = accounts.userByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.APPLICANT);
        assertThat(account.displayName()).isEqualTo("Nora Ny");
        HttpResponse<String> mine = session.get("/dialog-fund/my");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Mina ansökningar");
    }

    @Test
    void anExistingAccountGetsTheApplicantRoleOnlyWhenItsOwnerUsesTheLink() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.2"))
                        .param("name", "Annat namn").param("email", email))
                .andExpect(status().isFound());
        assertThat(accounts.userByEmail(email).orElseThrow().roles()).containsExactly(Role.PARTICIPANT);

        useLink(email);
        var account = accounts.userByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.PARTICIPANT, Role.APPLICANT);
        assertThat(account.displayName()).isEqualTo("Test " + email);
    }

    @Test
    void aStaffAccountNeverGetsARoleFromTheAnonymousForms() throws Exception {
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of());
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from("10.6.0.5"))
                        .param("name", "Någon annan").param("email", secretary))
                .andExpect(status().isFound());
        long activityId = jdbc.queryForObject("select id from activity where status = 'PUBLISHED' order by id limit 1",
                Long.class);
        mvc.perform(post("/activities/" + activityId + "/sign-up/link").with(csrf()).with(from("10.6.0.5"))
                        .param("name", "Någon annan").param("email", secretary))
                .andExpect(status().isFound());
        assertThat(accounts.userByEmail(secretary).orElseThrow().roles()).containsExactly(Role.SECRETARY);
        // Not even when the secretary uses the link (an administrator gives staff their roles).
        useLink(secretary);
        assertThat(accounts.userByEmail(secretary).orElseThrow().roles()).containsExactly(Role.SECRETARY);
        assertThat(accounts.userByEmail(secretary).orElseThrow().displayName()).isEqualTo("Test " + secretary);
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
    void requestsCreateNoAccountsAndAWholeOfficeBehindOneAddressGetsItsLinks() throws Exception {
        String office = "10.6.0.4";
        List<String> colleagues = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String email = "kollega" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kommun.example";
            colleagues.add(email);
            mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from(office))
                            .param("name", "Kollega " + i).param("email", email))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/dialog-fund/sign-in/sent"));
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = any(?)", Integer.class,
                (Object) colleagues.toArray(String[]::new))).as("accounts created by requests alone").isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = any(?) "
                + "and category = 'accounts.login-link'", Integer.class, (Object) colleagues.toArray(String[]::new)))
                .isEqualTo(100);
        // One mailbox cannot be flooded: a few links an hour per e-mail address.
        String one = colleagues.getFirst();
        for (int i = 1; i < 5; i++) {
            mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from(office))
                    .param("name", "Kollega 0").param("email", one)).andExpect(status().isFound());
        }
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).with(from(office))
                        .param("name", "Kollega 0").param("email", one))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Du har bett om många länkar")));
    }

    @Test
    void twoUsesOfLinksForTheSameNewAddressAtOnceMakeOneAccount() throws Exception {
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
        assertThat(accounts.userByEmail(email)).isEmpty();
        useLink(email);
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email))
                .isEqualTo(1);
        assertThat(accounts.userByEmail(email).orElseThrow().roles()).contains(Role.APPLICANT);
    }

    /** Uses the newest link mailed to the address, as its owner would; returns the signed-in session. */
    private HttpSession useLink(String email) throws Exception {
        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'accounts.login-link' order by id desc limit 1", String.class, email);
        Matcher link = Pattern.compile("http://localhost:8080(/login/ott\\?token=([0-9a-f-]+)&continue=([^\\s]+))")
                .matcher(body);
        assertThat(link.find()).as(body).isTrue();
        HttpSession session = new HttpSession(port);
        HttpResponse<String> signedIn = session.post(link.group(1), "/login/ott",
                Map.of("token", link.group(2), "continue", link.group(3)));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(link.group(3));
        return session;
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
