package se.kompetensportal.activities;

import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The printed course catalogue: the PDF's text is extracted and checked, and the print-friendly page. */
class PrintedCataloguePagesTest extends PortalIntegrationTest {

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ActivityFixtures fixtures;
    String tag;
    long lfi;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        tag = "P" + UUID.randomUUID().toString().substring(0, 6);
        lfi = users.projectId("LFI");
    }

    @Test
    void thePdfListsThePeriodsActivitiesByTrackWithAnEmbeddedFont() throws Exception {
        fixtures.activity(tag + " Förståelse för psykisk ohälsa").project(lfi).track(2).groups("A", "B").startInDays(20).save();
        fixtures.activity(tag + " Samtal på lättläst svenska i Åhus och Östra Göinge").project(lfi).track(3).groups("C").startInDays(40).sessions(2).save();
        fixtures.activity(tag + " Efter perioden").project(lfi).track(3).groups("C").startInDays(200).save();
        fixtures.activity(tag + " Utkast").project(lfi).track(3).groups("C").startInDays(25).status(ActivityStatus.DRAFT).save();
        LocalDate today = LocalDate.now(Formats.ZONE);

        byte[] pdf = mvc.perform(get("/activities/print.pdf").param("project", Long.toString(lfi))
                        .param("from", today.toString()).param("to", today.plusDays(90).toString())
                        .with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("kurskatalog-lfi-" + today + ".pdf")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Kurskatalog LFI", "Lärande för integration i Skåne Nordost",
                    tag + " Förståelse för psykisk ohälsa", tag + " Samtal på lättläst svenska i Åhus och Östra Göinge",
                    "Förståelse för psykisk hälsa", "Samtalsmetoder och kommunikation", "Målgrupper",
                    "Anmäl dig senast", "http://localhost:8080/activities/");
            assertThat(text).doesNotContain(tag + " Efter perioden", tag + " Utkast");
            assertThat(text.indexOf("Förståelse för psykisk hälsa"))
                    .isLessThan(text.indexOf("Samtalsmetoder och kommunikation"));
            assertThat(text).contains("å", "ä", "ö", "Å", "Ö");
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("DejaVu");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void thePrintFriendlyPageShowsTheSameCatalogue() throws Exception {
        fixtures.activity(tag + " Ledarskap i förändring").project(lfi).track(4).groups("C").startInDays(10).save();
        mvc.perform(get("/activities/print").param("project", Long.toString(lfi)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Kurskatalog LFI</h1>")))
                .andExpect(content().string(containsString(tag + " Ledarskap i förändring")))
                .andExpect(content().string(containsString("Ledning och styrning av mångfaldsarbete")))
                .andExpect(content().string(not(containsString("/activities/print.pdf"))));
        mvc.perform(get("/activities/print").param("project", Long.toString(lfi)).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("/activities/print.pdf?project=" + lfi)));
        mvc.perform(get("/activities/print"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv ut kurskatalog")))
                .andExpect(content().string(not(containsString(tag))));
        mvc.perform(get("/activities/print.pdf").param("project", "999999999").with(users.demo("sekreterare")))
                .andExpect(status().isNotFound());
        // The PDF is work for the staff who print it; visitors print the page.
        mvc.perform(get("/activities/print.pdf").param("project", Long.toString(lfi))).andExpect(status().isFound());
        mvc.perform(get("/activities/print.pdf").param("project", Long.toString(lfi)).with(users.demo("deltagare")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/activities/print").param("project", Long.toString(lfi)))
                .andExpect(content().string(not(containsString("print.pdf"))));
    }
}
