package se.kompetensportal.activities;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: a remembered catalogue page (served before the security chain) carries exactly the headers of a
 * rendered one, over HTTP and HTTPS, and sets no cookie; a missing activity is the 404 page; a signed-in visitor gets
 * their own page, never the remembered anonymous one.
 */
class CatalogueHttpTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void rememberedPagesKeepTheSecurityHeadersAndSetNoCookie() throws Exception {
        String tag = "H" + UUID.randomUUID().toString().substring(0, 6);
        new ActivityFixtures(repository, projects, transactions).activity(tag + " över HTTP").save();
        HttpResponse<String> first = get("/activities?q=" + tag);
        HttpResponse<String> second = get("/activities?q=" + tag);
        for (HttpResponse<String> response : java.util.List.of(first, second)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(tag + " över HTTP").contains("<html lang=\"sv\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("script-src 'self'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void aRememberedPageHasExactlyTheHeadersOfARenderedOneOverHttpAndHttps() throws Exception {
        String tag = "K" + UUID.randomUUID().toString().substring(0, 6);
        new ActivityFixtures(repository, projects, transactions).activity(tag + " rubriker").save();
        for (String proto : java.util.List.of("http", "https")) {
            HttpResponse<String> rendered = get("/activities?q=" + tag, "X-Forwarded-Proto", proto,
                    "Cache-Control", "no-cache");
            HttpResponse<String> remembered = get("/activities?q=" + tag, "X-Forwarded-Proto", proto);
            assertThat(remembered.body()).isEqualTo(rendered.body());
            assertThat(withoutDate(remembered)).as(proto).isEqualTo(withoutDate(rendered));
            assertThat(remembered.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(remembered.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(remembered.headers().firstValue("Strict-Transport-Security")).as(proto)
                    .isEqualTo(proto.equals("https") ? rendered.headers().firstValue("Strict-Transport-Security")
                            : java.util.Optional.empty());
        }
        assertThat(get("/activities?q=" + tag, "X-Forwarded-Proto", "https").headers()
                .firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aSignedInVisitorNeverGetsTheRememberedAnonymousPage() throws Exception {
        String tag = "S" + UUID.randomUUID().toString().substring(0, 6);
        new ActivityFixtures(repository, projects, transactions).activity(tag + " inloggad").save();
        get("/activities?q=" + tag);
        assertThat(get("/activities?q=" + tag).body()).doesNotContain("Inloggad som");
        HttpSession session = new HttpSession(port);
        session.login("deltagare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> signedIn = session.get("/activities?q=" + tag);
            assertThat(signedIn.body()).contains(tag + " inloggad").contains("Inloggad som Dana Deltagare");
        }
    }

    private static java.util.Map<String, java.util.List<String>> withoutDate(HttpResponse<String> response) {
        java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void aMissingActivityIsThe404PageAndSignedInVisitorsGetTheirOwnCatalogue() throws Exception {
        HttpResponse<String> missing = get("/activities/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Sidan finns inte");

        get("/activities");
        HttpSession session = new HttpSession(port);
        session.login("deltagare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        HttpResponse<String> signedIn = session.get("/activities");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Inloggad som Dana Deltagare").contains("name=\"_csrf\"");
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
