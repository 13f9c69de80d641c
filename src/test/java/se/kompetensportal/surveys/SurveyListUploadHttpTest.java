package se.kompetensportal.surveys;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kompetensportal.indicators.IndicatorFixtures;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, an uploaded recipient list of 50 MB is refused cleanly: a 4xx page that says what the limit is, no
 * bare error or reset connection, and nothing added; a good list on the same form is taken.
 */
class SurveyListUploadHttpTest extends SurveyKindsTestBase {

    @LocalServerPort
    int port;

    @Test
    void aFiftyMegabyteListGetsAPageThatSaysSoAndAGoodOneIsAdded() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Http " + f.shortName);
        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode("admin" + TestUsers.DEMO_DOMAIN,
                        StandardCharsets.UTF_8) + "&password=" + TestUsers.DEMO_PASSWORD + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/surveys/" + id + "/recipients")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("action=\"(/admin/surveys/" + id + "/recipients/list\\?_csrf=[^\"]+)\"").matcher(page);
        assertThat(action.find()).as(page).isTrue();
        String url = base + action.group(1).replace("&amp;", "&");

        byte[] fifty = new byte[50 * 1024 * 1024];
        Arrays.fill(fifty, (byte) 'a');
        HttpResponse<String> tooBig = client.send(multipart(url, fifty), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("högst 10 MB");
        assertThat(jdbc.queryForObject("select count(*) from survey_contact where evaluation_id = ?", Integer.class, id))
                .isZero();
        // Just above the list's own limit (2 MB), below the portal's: the recipients page says so.
        byte[] three = new byte[3 * 1024 * 1024];
        Arrays.fill(three, (byte) 'a');
        HttpResponse<String> aboveList = client.send(multipart(url, three), HttpResponse.BodyHandlers.ofString());
        assertThat(aboveList.statusCode()).isEqualTo(413);
        assertThat(aboveList.body()).contains("id=\"too-large\"");

        HttpResponse<String> good = client.send(multipart(url, ("Http Person;http-" + f.shortName + "@example.se;X\n")
                .getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from survey_contact where evaluation_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private static HttpRequest multipart(String url, byte[] file) throws Exception {
        String boundary = "----kp" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lista.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
