package se.kompetensportal.knowledge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The knowledge bank: an item goes draft → review → published and only then is public; its Markdown is rendered safely;
 * files need a summary and are checked by their content; the public list filters by project and track and searches in
 * Swedish; the Atom feed is valid; items are made from collaboration projects only with consent recorded; staff pages
 * are the project's staff's alone.
 */
class KnowledgeBankTest extends PortalIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    TestProject project;
    String secretary;

    @BeforeEach
    void setUp() {
        project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(project.id()));
    }

    @Test
    void anItemIsPublicOnlyOncePublishedAndItsMarkdownIsRenderedSafely() throws Exception {
        long id = create("Samtalsmetoder för bemötande " + project.shortName(),
                "## Steg\n\n- Lyssna **aktivt**\n- <script>alert(1)</script>\n\n[länk](javascript:alert(1)) "
                        + "<img src=x onerror=alert(1)> [bra](https://example.se/a)");
        String path = "/knowledge/" + id;
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/knowledge/" + id + "/preview").with(users.as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h3>Steg</h3>")))
                .andExpect(content().string(containsString("<strong>aktivt</strong>")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("javascript:"))))
                .andExpect(content().string(not(containsString("<img"))))
                .andExpect(content().string(containsString("href=\"https://example.se/a\" rel=\"nofollow noopener noreferrer\"")));

        mvc.perform(post("/admin/knowledge/" + id + "/submit").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isFound());
        assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
        mvc.perform(post("/admin/knowledge/" + id + "/return").with(csrf()).with(users.as(secretary)).param("comment", " "))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/knowledge/" + id + "/return").with(csrf()).with(users.as(secretary))
                .param("comment", "Lägg till en källa.")).andExpect(status().isFound());
        assertThat(statusOf(id)).isEqualTo("DRAFT");
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/knowledge/" + id + "/submit").with(csrf()).with(users.as(secretary)));
        mvc.perform(post("/admin/knowledge/" + id + "/publish").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isFound());

        String slug = "/knowledge/" + id + "-samtalsmetoder-for-bemotande-" + project.shortName().toLowerCase();
        mvc.perform(get(path)).andExpect(status().isMovedPermanently()).andExpect(redirectedUrl(slug));
        mvc.perform(get(slug)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Creative Commons Erkännande 4.0 (CC BY 4.0)")))
                .andExpect(content().string(containsString("rel=\"license\"")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        mvc.perform(post("/admin/knowledge/" + id + "/delete").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/knowledge/" + id + "/unpublish").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isFound());
        mvc.perform(get(slug)).andExpect(status().isNotFound());
    }

    @Test
    void theListFiltersByProjectAndTrackAndSearchesInSwedish() throws Exception {
        long inTrack = publish(create("Interkulturella samtal " + project.shortName(), "Om samtalen med nyanlända.",
                project.trackIds().get(0)));
        long other = publish(create("Ledarskap " + project.shortName(), "Om chefer.", project.trackIds().get(1)));
        String p = String.valueOf(project.id());
        mvc.perform(get("/knowledge").param("project", p)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Interkulturella samtal " + project.shortName())))
                .andExpect(content().string(containsString("Ledarskap " + project.shortName())));
        mvc.perform(get("/knowledge").param("project", p).param("track", String.valueOf(project.trackIds().get(0))))
                .andExpect(content().string(containsString("Interkulturella samtal " + project.shortName())))
                .andExpect(content().string(not(containsString("Ledarskap " + project.shortName()))));
        // Swedish stemming: "samtalen" finds "samtal".
        mvc.perform(get("/knowledge").param("project", p).param("q", "samtalen"))
                .andExpect(content().string(containsString("Interkulturella samtal " + project.shortName())))
                .andExpect(content().string(not(containsString("Ledarskap " + project.shortName()))));
        mvc.perform(get("/knowledge").param("q", "<script>alert(1)</script>")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/knowledge").param("project", "abc")).andExpect(status().isBadRequest());
        assertThat(other).isPositive();
        assertThat(inTrack).isPositive();
    }

    @Test
    void theAtomFeedIsValidAndABadFeedRequestIs4xx() throws Exception {
        long id = publish(create("Flödesartikel & <mer> " + project.shortName(), "Text.", project.trackIds().get(0)));
        byte[] xml = mvc.perform(get("/knowledge/feed.atom").param("project", String.valueOf(project.id())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/atom+xml")))
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/" + required).isNotEmpty();
        }
        assertThat(children(feed, "link").stream().anyMatch(l -> "self".equals(l.getAttribute("rel")))).isTrue();
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(1);
        Element entry = entries.getFirst();
        for (String required : List.of("id", "title", "updated", "published", "link", "author", "summary")) {
            assertThat(children(entry, required)).as("entry/" + required).isNotEmpty();
        }
        assertThat(children(entry, "title").getFirst().getTextContent())
                .isEqualTo("Flödesartikel & <mer> " + project.shortName());
        assertThat(children(entry, "id").getFirst().getTextContent()).endsWith("/knowledge/" + id);

        mvc.perform(get("/knowledge/feed.atom").param("project", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/knowledge/feed.atom").param("project", "999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/feed.atom").param("track", "999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aFileNeedsASummaryAndMustBeWhatItClaims() throws Exception {
        long id = create("Material " + project.shortName(), "Text.");
        upload(id, new MockMultipartFile("file", "bilder.pdf", "application/pdf", PDF), " ")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Skriv en sammanfattning")));
        upload(id, new MockMultipartFile("file", "virus.pdf", "application/pdf", "MZ not a pdf".getBytes()),
                "Sammanfattning.")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("inte en PDF")));
        upload(id, new MockMultipartFile("file", "../bilder.pdf", "application/pdf", PDF),
                "Bilderna från workshopen: tre övningar.").andExpect(status().isFound());
        long file = jdbc.queryForObject("select id from knowledge_attachment where item_id = ?", Long.class, id);
        mvc.perform(get("/knowledge/" + id + "/files/" + file)).andExpect(status().isNotFound());
        publish(id);
        mvc.perform(get("/knowledge/" + id + "/files/" + file)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get("/knowledge/" + id)).andExpect(status().isMovedPermanently());
        mvc.perform(get("/knowledge/" + id + "-material-" + project.shortName().toLowerCase()))
                .andExpect(content().string(containsString("Bilderna från workshopen: tre övningar.")));
    }

    @Test
    void anItemIsMadeFromACollaborationProjectOnlyWithConsentRecorded() throws Exception {
        long iko = users.projectId("2016/00175");
        String ikoSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(iko));
        Long collaboration = jdbc.query("""
                select c.id from collaboration_project c where c.project_id = ? and c.status <> 'IDEA'
                  and not exists (select 1 from knowledge_item k where k.source_kind = 'COLLABORATION' and k.source_id = c.id)
                order by c.id limit 1""", rs -> rs.next() ? rs.getLong(1) : null, iko);
        if (collaboration == null) {
            collaboration = transactions.execute(tx -> {
                Long c = jdbc.queryForObject("select nextval('collaboration_project_seq')", Long.class);
                jdbc.update("""
                        insert into collaboration_project (id, project_id, title, description, status, developed_on)
                        values (?, ?, 'Språkvänner', 'Vänner som talar svenska tillsammans.', 'DEVELOPED', current_date)""",
                        c, iko);
                return c;
            });
        }
        String path = "/admin/knowledge/sources/collaboration/" + collaboration + "?projectId=" + iko;
        mvc.perform(get("/admin/knowledge/sources").param("projectId", String.valueOf(iko)).with(users.as(ikoSecretary)))
                .andExpect(status().isOk());
        mvc.perform(get(path).with(users.as(ikoSecretary))).andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).with(users.as(ikoSecretary)).param("givenBy", "Karin Holm")
                        .param("givenOn", LocalDate.now().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bekräfta att tillståndet finns")))
                .andExpect(content().string(containsString("value=\"Karin Holm\"")));
        mvc.perform(post(path).with(csrf()).with(users.as(ikoSecretary)).param("givenBy", "Karin Holm")
                        .param("givenOn", LocalDate.now().plusDays(3).toString()).param("confirmed", "true"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(path).with(csrf()).with(users.as(ikoSecretary)).param("givenBy", "Karin Holm")
                        .param("givenOn", LocalDate.now().toString()).param("note", "E-post 3 maj")
                        .param("confirmed", "true"))
                .andExpect(status().isFound());
        var item = jdbc.queryForMap("select * from knowledge_item where source_kind = 'COLLABORATION' and source_id = ?",
                collaboration);
        assertThat(item.get("consent_given_by")).isEqualTo("Karin Holm");
        assertThat(item.get("consent_recorded_at")).isNotNull();
        assertThat(item.get("status")).isEqualTo("DRAFT");
        mvc.perform(post(path).with(csrf()).with(users.as(ikoSecretary)).param("givenBy", "Karin Holm")
                        .param("givenOn", LocalDate.now().toString()).param("confirmed", "true"))
                .andExpect(status().isUnprocessableContent());
        // Another project's secretary cannot see the register's sources.
        mvc.perform(get(path).with(users.as(secretary))).andExpect(status().isForbidden());
    }

    @Test
    void aGoodExampleIsMadeFromAnApprovedFinalReportWithItsTextAndTheConsent() throws Exception {
        long iko = users.projectId("2016/00175");
        String ikoSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(iko));
        Long application = jdbc.query("select r.application_id from dialog_final_report r"
                        + " join dialog_application a on a.id = r.application_id join dialog_fund f on f.id = a.fund_id"
                        + " where f.project_id = ? and r.status = 'APPROVED' and not exists (select 1 from knowledge_item k"
                        + " where k.source_kind = 'FINAL_REPORT' and k.source_id = r.application_id)"
                        + " order by r.application_id limit 1",
                rs -> rs.next() ? rs.getLong(1) : null, iko);
        assertThat(application).as("the demo's approved final reports").isNotNull();
        String summary = jdbc.queryForObject("select summary from dialog_final_report where application_id = ?",
                String.class, application);
        mvc.perform(get("/admin/knowledge/sources").param("projectId", String.valueOf(iko)).with(users.as(ikoSecretary)))
                .andExpect(content().string(containsString("/admin/knowledge/sources/report/" + application)));
        String path = "/admin/knowledge/sources/report/" + application + "?projectId=" + iko;
        mvc.perform(post(path).with(csrf()).with(users.as(ikoSecretary)).param("givenBy", "Ordföranden")
                        .param("givenOn", LocalDate.now().toString()).param("confirmed", "true"))
                .andExpect(status().isFound());
        var item = jdbc.queryForMap("select * from knowledge_item where source_kind = 'FINAL_REPORT' and source_id = ?",
                application);
        assertThat((String) item.get("body")).contains(summary.strip().substring(0, 20));
        assertThat(item.get("kind")).isEqualTo("GOOD_EXAMPLE");
        assertThat(item.get("consent_given_by")).isEqualTo("Ordföranden");
        mvc.perform(get(path).with(users.as(secretary))).andExpect(status().isForbidden());
    }

    @Test
    void staffPagesAreTheProjectStaffsAlone() throws Exception {
        long id = create("Internt utkast " + project.shortName(), "Text.");
        String other = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("2016/00175")));
        for (String path : List.of("/admin/knowledge/" + id, "/admin/knowledge/" + id + "/preview",
                "/admin/knowledge?projectId=" + project.id(), "/admin/knowledge/new?projectId=" + project.id())) {
            mvc.perform(get(path).with(users.as(other))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound());
            mvc.perform(get(path).with(users.as(secretary))).andExpect(status().isOk());
            mvc.perform(get(path).with(users.demo("admin"))).andExpect(status().isOk());
        }
        mvc.perform(post("/admin/knowledge/" + id + "/publish").with(csrf()).with(users.as(other)))
                .andExpect(status().isForbidden());
        for (String path : List.of("/knowledge", "/knowledge/feed.atom")) {
            mvc.perform(get(path)).andExpect(status().isOk());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isOk());
        }
    }

    @Test
    void theFormKeepsWhatWasTypedAndAConcurrentEditIs409() throws Exception {
        mvc.perform(post("/admin/knowledge").with(csrf()).with(users.as(secretary))
                        .param("projectId", String.valueOf(project.id())).param("kind", "METHOD")
                        .param("title", "Halvklar").param("summary", "").param("authors", "Anna")
                        .param("licence", "CC_BY_4_0").param("videos[0].title", "Film")
                        .param("videos[0].url", "http://inte-https.example.se").param("version", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"Halvklar\"")))
                .andExpect(content().string(containsString("https://")));
        long id = create("Version " + project.shortName(), "Text.");
        mvc.perform(post("/admin/knowledge/" + id).with(csrf()).with(users.as(secretary))
                        .param("kind", "ARTICLE").param("title", "Ny rubrik").param("summary", "Kort.")
                        .param("authors", "Anna").param("licence", "CC_BY_4_0").param("version", "7"))
                .andExpect(status().isConflict());
        mvc.perform(post("/admin/knowledge/" + id).with(csrf()).with(users.as(secretary))
                        .param("kind", "ARTICLE").param("title", "Ny rubrik").param("summary", "Kort.")
                        .param("authors", "Anna").param("licence", "CC_BY_4_0").param("version", "0")
                        .param("trackId", "999999999"))
                .andExpect(status().isUnprocessableContent());
    }

    long create(String title, String body) throws Exception {
        return create(title, body, null);
    }

    long create(String title, String body, Long trackId) throws Exception {
        var request = post("/admin/knowledge").with(csrf()).with(users.as(secretary))
                .param("projectId", String.valueOf(project.id())).param("kind", "METHOD").param("title", title)
                .param("summary", "Sammanfattning av " + title).param("body", body)
                .param("authors", "Anna Lindqvist, Kalmar kommun").param("licence", "CC_BY_4_0").param("version", "0");
        if (trackId != null) {
            request.param("trackId", String.valueOf(trackId));
        }
        String location = mvc.perform(request).andExpect(status().isFound()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long publish(long id) throws Exception {
        mvc.perform(post("/admin/knowledge/" + id + "/publish").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isFound());
        return id;
    }

    ResultActions upload(long id, MockMultipartFile file, String summary) throws Exception {
        return mvc.perform(multipart("/admin/knowledge/" + id + "/files").file(file).param("summary", summary)
                .with(csrf()).with(users.as(secretary)));
    }

    String statusOf(long id) {
        return jdbc.queryForObject("select status from knowledge_item where id = ?", String.class, id);
    }

    static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        List<Element> result = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }
}
