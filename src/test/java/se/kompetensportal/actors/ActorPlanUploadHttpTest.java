package se.kompetensportal.actors;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, the plan form's uploads: a file above the portal's upload limit (10 MB) is answered with the 413 page
 * that links back to the form, not a bare error or a CSRF refusal; a good one is filed. Nothing is filed on the way.
 */
class ActorPlanUploadHttpTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anOversizedDocumentGetsThe413PageAndAGoodOneIsFiled() throws Exception {
        ActorFixtures fixtures = new ActorFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions), users);
        long iko = fixtures.iko();
        long org = fixtures.organisation("Http-kommunen", iko);
        String contact = fixtures.contact(org);
        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(contact, StandardCharsets.UTF_8)
                        + "&password=" + TestUsers.DEMO_PASSWORD + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        String planPage = "/my-organisation/projects/" + iko + "/plan";
        String page = client.send(HttpRequest.newBuilder(URI.create(base + planPage)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("action=\"(" + Pattern.quote(planPage) + "\\?_csrf=[^\"]+)\"").matcher(page);
        assertThat(action.find()).as(page).isTrue();
        String url = base + action.group(1).replace("&amp;", "&");

        HttpResponse<String> tooBig = client.send(multipart(url, "Plan med jättefil.",
                Arrays.copyOf(ActorFixtures.PDF, 10 * 1024 * 1024 + 200_000)), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("högst 10 MB");
        assertThat(jdbc.queryForObject("select count(*) from actor_plan where organisation_id = ?", Integer.class, org))
                .isZero();

        HttpResponse<String> good = client.send(multipart(url, "Plan med liten fil.", ActorFixtures.PDF),
                HttpResponse.BodyHandlers.ofString());
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select document_size from actor_plan where organisation_id = ?", Integer.class,
                org)).isEqualTo(ActorFixtures.PDF.length);
    }

    private static HttpRequest multipart(String url, String text, byte[] file) throws Exception {
        String boundary = "----kp" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"planText\"\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"plan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
