package se.kompetensportal.surveys;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.kompetensportal.indicators.IndicatorFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Results of a mapping per actor, target group and track of interest, on the page and in Excel and PDF: nothing is
 * shown for fewer than five answers, whichever way the respondents are narrowed; matrices and rankings are summed up.
 */
class SurveyResultsTest extends SurveyKindsTestBase {

    record Answered(IndicatorFixtures f, long id) {
    }

    /** Five answers through the municipality's link (group A, track one) and two through the association's (B, two). */
    private Answered answered() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Resultat " + f.shortName);
        long tracks = addQuestion(id, "CHOOSE_UP_TO", "Vilka spår?", Map.of("optionSource", "TRACK", "maxChoices", "1"));
        long matrix = addQuestion(id, "MATRIX", "Jag behöver", Map.of("optionsSv", "Radett\nRadtvå", "optionsEn", "R1\nR2"));
        long ranking = addQuestion(id, "RANKING", "Ordning", Map.of("optionsSv", "Alfa\nBeta\nGamma",
                "optionsEn", "Alpha\nBeta\nGamma"));
        long group = addQuestion(id, "SINGLE_CHOICE", "Målgrupp", Map.of("optionSource", "TARGET_GROUP"));
        long text = addQuestion(id, "FREE_TEXT", "Övrigt", Map.of("required", "false"));
        String municipality = openLink(id, f.municipality, null);
        String association = openLink(id, f.nonProfit, null);
        send(id);
        for (int i = 0; i < 5; i++) {
            mvc.perform(openAnswer(municipality, null, Map.of("q" + tracks, List.of("1"), "q" + matrix + "-1", List.of("5"),
                    "q" + matrix + "-2", List.of(i < 4 ? "2" : "4"), "q" + ranking + "-1", List.of("1"),
                    "q" + ranking + "-2", List.of("2"), "q" + ranking + "-3", List.of("3"), "q" + group, List.of("1"),
                    "q" + text, List.of("Kommunsvar nummer " + i)))).andExpect(status().isFound());
        }
        for (int i = 0; i < 2; i++) {
            mvc.perform(openAnswer(association, null, Map.of("q" + tracks, List.of("2"), "q" + matrix + "-1", List.of("1"),
                    "q" + matrix + "-2", List.of("1"), "q" + ranking + "-2", List.of("1"), "q" + ranking + "-1", List.of("2"),
                    "q" + ranking + "-3", List.of("3"), "q" + group, List.of("2"),
                    "q" + text, List.of("Föreningssvar " + i)))).andExpect(status().isFound());
        }
        return new Answered(f, id);
    }

    @Test
    void breakdownsPerActorTargetGroupAndTrackOfInterestHideGroupsOfFewerThanFive() throws Exception {
        Answered a = answered();
        IndicatorFixtures f = a.f();
        String page = mvc.perform(get("/admin/surveys/" + a.id() + "/results").with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"suppressed\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(page, "breakdown-organisation", f.municipalityName)).contains(">5<");
        assertThat(row(page, "breakdown-organisation", f.nonProfitName)).contains("För få svar").doesNotContain(">2<");
        assertThat(row(page, "breakdown-targetGroup", "A Grupp A")).contains(">5<");
        assertThat(row(page, "breakdown-targetGroup", "B Grupp B")).contains("För få svar");
        assertThat(row(page, "breakdown-interestTrack", "Spår ett")).contains(">5<");
        assertThat(row(page, "breakdown-interestTrack", "Spår två")).contains("För få svar");
        // The matrix per statement and step, the ranking by points: Alfa first five times, Beta twice.
        assertThat(page).contains("class=\"table table-sm matrix-result\"").contains("Radett").contains("Radtvå");
        assertThat(page).contains("class=\"table table-sm ranking-result\"");
        assertThat(page.indexOf(">Alfa<")).isLessThan(page.indexOf(">Beta<"));
        assertThat(page).containsPattern("Alfa</th>\\s*<td class=\"text-end\">19</td>\\s*<td class=\"text-end\">5</td>");
    }

    @Test
    void narrowedToFewerThanFiveRespondentsNothingIsShownOnThePageInExcelOrInThePdf() throws Exception {
        Answered a = answered();
        IndicatorFixtures f = a.f();
        String narrowed = "organisationId=" + f.nonProfit;
        mvc.perform(get("/admin/surveys/" + a.id() + "/results?" + narrowed).with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"suppressed\"")))
                .andExpect(content().string(not(containsString("Föreningssvar"))))
                .andExpect(content().string(not(matchesPattern("(?s).*matrix-result.*"))));
        for (String filter : List.of(narrowed, "targetGroupId=" + f.groupB, "interestTrackId=" + f.track2)) {
            byte[] xlsx = mvc.perform(get("/admin/surveys/" + a.id() + "/results.xlsx?" + filter).with(users.demo("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            List<String> cells = cells(xlsx);
            assertThat(cells).as(filter).contains("För få svar för att visa").noneMatch(c -> c.contains("Föreningssvar"))
                    .noneMatch(c -> c.contains("– Radett"));
            byte[] pdf = mvc.perform(get("/admin/surveys/" + a.id() + "/results.pdf?" + filter).with(users.demo("admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).as(filter).contains("För få svar").doesNotContain("Föreningssvar").doesNotContain("Alfa");
            }
        }
        // The whole survey's export shows what the page shows, the association's row withheld.
        List<String> all = cells(mvc.perform(get("/admin/surveys/" + a.id() + "/results.xlsx").with(users.demo("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(all).contains("Kommunsvar nummer 0", "Jag behöver – Radett", "Instämmer helt", "Alfa", f.nonProfitName,
                "För få svar");
        // Narrowed to the track of interest chosen by five, the results are shown.
        mvc.perform(get("/admin/surveys/" + a.id() + "/results?interestTrackId=" + f.track1).with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"suppressed\""))))
                .andExpect(content().string(containsString("Kommunsvar nummer 4")))
                .andExpect(content().string(not(containsString("Föreningssvar"))));
    }

    /** The table row of the breakdown table that starts with the label. */
    private static String row(String page, String tableId, String label) {
        int table = page.indexOf("id=\"" + tableId + "\"");
        assertThat(table).as(tableId).isPositive();
        int at = page.indexOf(label, table);
        assertThat(at).as(label).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.toString());
                    }
                }
            }
        }
        return cells;
    }
}
