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
 * Over real HTTP: a remembered catalogue page carries the same security headers as a rendered one and sets no cookie;
 * a missing activity is the 404 page; a signed-in visitor gets their own page.
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
