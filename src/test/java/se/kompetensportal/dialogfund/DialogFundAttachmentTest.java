package se.kompetensportal.dialogfund;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * Attachments: accepted by what they contain (PDF, Word, PNG, JPEG), whatever their name or the browser's claim;
 * at most 10 MB (a larger upload gets a clear 413 page, over real HTTP through Tomcat's limit); served as downloads
 * with the content type found, a safe name and {@code nosniff}.
 */
class DialogFundAttachmentTest extends PortalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    DialogFundFixtures fx;
    String applicant;
    long id;

    @BeforeEach
    void draft() throws Exception {
        fx = new DialogFundFixtures(jdbc);
        long fundId = fx.openFund(fx.project(), "100000", "25000");
        applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        String url = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        id = Long.parseLong(url.replaceAll("\\D", ""));
    }

    @Test
    void eachAcceptedKindIsStoredWithTheTypeItsContentHasAndServedAsADownload() throws Exception {
        Object[][] uploads = {
                {"Program.pdf", "application/pdf", Files.PDF, "application/pdf", "Program.pdf"},
                {"Budget.doc", "application/msword", Files.DOC, "application/msword", "Budget.doc"},
                {"Plan.docx", "application/octet-stream", Files.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Plan.docx"},
                {"karta.pdf", "application/pdf", Files.PNG, "image/png", "karta.pdf.png"},
                {"../../Foto.JPG", "image/png", Files.JPEG, "image/jpeg", "Foto.jpg"},
        };
        for (Object[] u : uploads) {
            upload((String) u[0], (String) u[1], (byte[]) u[2]).andExpect(status().isFound());
            long attachmentId = jdbc.queryForObject(
                    "select max(id) from dialog_attachment where application_id = ?", Long.class, id);
            assertThat(jdbc.queryForObject("select filename from dialog_attachment where id = ?", String.class,
                    attachmentId)).isEqualTo(u[4]);
            mvc.perform(get("/dialog-fund/attachments/" + attachmentId).with(users.as(applicant)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", (String) u[3]))
                    .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                    .andExpect(header().string("Content-Disposition", containsString("filename=\"" + u[4] + "\"")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")))
                    .andExpect(content().bytes((byte[]) u[2]));
        }
        mvc.perform(get("/dialog-fund/applications/" + id).with(users.as(applicant))).andExpect(status().isOk())
                .andExpect(content().string(containsString("karta.pdf.png")));
    }

    @Test
    void aFileWhoseContentIsNotAnAcceptedKindIsRefusedWhateverItsName() throws Exception {
        upload("kvitto.pdf", "application/pdf", Files.TEXT).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Vi kontrollerar innehållet, inte bara filnamnet.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        upload("bild.png", "image/png", Files.HTML).andExpect(status().isUnprocessableContent());
        upload("arkiv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Files.zip("[Content_Types].xml", "xl/workbook.xml")).andExpect(status().isUnprocessableContent());
        upload("tom.pdf", "application/pdf", new byte[0]).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj en fil att ladda upp.")));
        assertThat(count()).isZero();
    }

    @Test
    void aFileOverTenMegabytesIsRefused() throws Exception {
        byte[] big = Arrays.copyOf(Files.PDF, 10 * 1024 * 1024 + 1);
        upload("stor.pdf", "application/pdf", big).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("En fil får vara högst 10 MB.")));
        byte[] justRight = Arrays.copyOf(Files.PDF, 10 * 1024 * 1024);
        upload("lagom.pdf", "application/pdf", justRight).andExpect(status().isFound());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anOversizedUploadOverRealHttpGetsA413PageNotAnError() throws Exception {
        Browserless http = new Browserless();
        String action = http.uploadAction();
        byte[] tooBig = Arrays.copyOf(Files.PDF, 10 * 1024 * 1024 + 200_000);
        String boundary = "----kp" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(tooBig);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.post(action, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Filen är för stor").contains("högst 10 MB")
                .contains("href=\"/dialog-fund/applications/" + id + "\"");
        assertThat(count()).isZero();
    }

    @Test
    void aBrokenUploadOverRealHttpGetsA400PageNotAnError() throws Exception {
        Browserless http = new Browserless();
        // The part never ends: the stream stops before its closing boundary.
        HttpResponse<String> response = http.post(http.uploadAction(), "multipart/form-data; boundary=cut",
                ("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Felaktig begäran");
        assertThat(count()).isZero();
    }

    /** The applicant, signed in over real HTTP, on their draft's page. */
    private final class Browserless {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base = "http://localhost:" + port;

        Browserless() throws Exception {
            String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(token.find()).isTrue();
            String login = "email=" + URLEncoder.encode(applicant, StandardCharsets.UTF_8) + "&password="
                    + TestUsers.DEMO_PASSWORD + "&_csrf=" + token.group(1);
            client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The upload form's action, with the CSRF token in its query string. */
        String uploadAction() throws Exception {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/dialog-fund/applications/" + id))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher action = Pattern.compile(
                    "action=\"(/dialog-fund/applications/" + id + "/attachments\\?_csrf=[^\"]+)\"").matcher(page);
            assertThat(action.find()).as(page).isTrue();
            return action.group(1).replace("&amp;", "&");
        }

        HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                    .header("Referer", base + "/dialog-fund/applications/" + id)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void reportPhotosMustBePicturesAndAttachmentsCloseWithTheDraft() throws Exception {
        Map<String, String> form = completeForm("Med bilagor", "15000");
        form.put("version", String.valueOf(fx.version(id)));
        upload("program.pdf", "application/pdf", Files.PDF).andExpect(status().isFound());
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isFound());
        upload("sent.pdf", "application/pdf", Files.PDF).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("kan inte ändras")));
        long attachment = jdbc.queryForObject("select id from dialog_attachment where application_id = ?", Long.class,
                id);
        mvc.perform(post("/dialog-fund/applications/" + id + "/attachments/" + attachment + "/delete")
                .with(users.as(applicant)).with(csrf())).andExpect(status().isUnprocessableContent());
        assertThat(count()).isEqualTo(1);

        jdbc.update("""
                update dialog_application set status = 'GRANTED', granted_amount = 10000, decided_on = current_date,
                       report_due = current_date + 30 where id = ?""", id);
        photo("rapport.pdf", Files.PDF).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("bara ladda upp bilder")));
        photo("bild.jpg", Files.JPEG).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from dialog_attachment where application_id = ? "
                + "and purpose = 'REPORT'", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anApplicationHoldsAtMostTenFiles() throws Exception {
        for (int i = 0; i < 10; i++) {
            upload("fil" + i + ".png", "image/png", Files.PNG).andExpect(status().isFound());
        }
        upload("elva.png", "image/png", Files.PNG).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("har redan 10 filer")));
        assertThat(count()).isEqualTo(10);
    }

    private ResultActions upload(String name, String type, byte[] content) throws Exception {
        return mvc.perform(multipart("/dialog-fund/applications/" + id + "/attachments")
                .file(new MockMultipartFile("file", name, type, content)).with(users.as(applicant)).with(csrf()));
    }

    private ResultActions photo(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/dialog-fund/applications/" + id + "/report/photos")
                .file(new MockMultipartFile("file", name, "image/jpeg", content)).with(users.as(applicant))
                .with(csrf()));
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from dialog_attachment where application_id = ?", Integer.class,
                id);
    }
}
