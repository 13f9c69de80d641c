package se.kompetensportal.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (MockMvc does not render error pages): errors are explained in plain Swedish, or English on request,
 * without a stack trace; public pages carry the security headers.
 */
class ErrorPagesHttpTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anUnknownAddressIsExplainedIn404PageButNeedsLoginFirst() throws Exception {
        HttpResponse<String> response = get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theStartPageIsPublicAndCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.body()).contains("<html lang=\"sv\"").contains("Hoppa till innehållet")
                .contains("href=\"/accessibility\"").doesNotContain("<script>");
    }

    @Test
    void theAccessibilityStatementSaysWhatTheLawAsks() throws Exception {
        String body = get("/accessibility").body();
        assertThat(body).contains("Tillgänglighetsredogörelse").contains("lagen (2018:1937)")
                .contains("https://www.digg.se/tdosanmalan").contains("Bedömningen gjordes 2026-11-22");
        assertThat(get("/accessibility?lang=en").body()).contains("Accessibility statement").contains("<html lang=\"en\"");
    }

    @Test
    void signedInUsersGetExplainingErrorPagesWithoutStackTraces() throws Exception {
        HttpSession session = new HttpSession(port);
        session.login("admin" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        HttpSession secretary = new HttpSession(port);
        secretary.login("sekreterare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);

        HttpResponse<String> missing = session.get("/admin/projects/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Sidan finns inte").doesNotContain("Exception");

        HttpResponse<String> forbidden = secretary.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Du saknar behörighet");

        HttpResponse<String> unknown = secretary.get("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(403);

        HttpResponse<String> badId = session.get("/admin/projects/abc?lang=en");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("Bad request").doesNotContain("NumberFormatException");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
