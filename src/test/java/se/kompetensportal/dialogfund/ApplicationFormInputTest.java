package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * What applicants really type into the application form: a decimal comma is accepted; a letter in a number field, an
 * impossible date, an unknown option or an out-of-range budget line is answered with the form again (422), a message
 * at the field in the applicant's language, and everything else they typed still in place.
 */
class ApplicationFormInputTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    DialogFundFixtures fx;
    long projectId;
    long fundId;
    String applicant;

    @BeforeEach
    void openFund() {
        fx = new DialogFundFixtures(jdbc);
        projectId = fx.project();
        fundId = fx.openFund(projectId, "30000", "25000");
        applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
    }

    @Test
    void aDecimalCommaIsAnOrdinaryAmount() throws Exception {
        long id = start();
        Map<String, String> form = completeForm("Med decimalkomma", "1000,50");
        form.put("budgetLines[0].amount", "6000,25");
        form.put("version", version(id));
        mvc.perform(with(post("/dialog-fund/applications/" + id), form).with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select amount_requested from dialog_application where id = ?",
                BigDecimal.class, id)).isEqualByComparingTo("1000.50");
        assertThat(jdbc.queryForObject("select amount from dialog_budget_line where application_id = ? and position = 0",
                BigDecimal.class, id)).isEqualByComparingTo("6000.25");
    }

    @Test
    void aLetterInANumberFieldIsRejectedAtTheFieldAndTheRestIsKept() throws Exception {
        // (A number input cannot show text, so the field itself comes back empty, with its message.)
        String page = rejected(Map.of("expectedWomen", "tolv"), "sv");
        assertThat(page).contains("Ange ett heltal.");
        assertThat(rejected(Map.of("amountRequested", "tusen"), "sv")).contains("Ange ett tal, till exempel 1500 eller 1500,50.");
        assertThat(rejected(Map.of("expectedWomen", "twelve"), "en")).contains("Enter a whole number");
    }

    @Test
    void anImpossibleDateIsRejectedAtTheField() throws Exception {
        String page = rejected(Map.of("plannedStart", "2026-02-30"), "sv");
        assertThat(page).contains("Ange ett datum som ÅÅÅÅ-MM-DD.");
    }

    @Test
    void anUnknownOptionIsRejectedAtTheField() throws Exception {
        String page = rejected(Map.of("organisationKind", "PIRATE_SHIP"), "sv");
        assertThat(page).contains("Välj ett av alternativen.");
    }

    @Test
    void aBudgetLineFarOutOfRangeIsRejectedNotAServerError() throws Exception {
        String page = rejected(Map.of("budgetLines[256].description", "Långt bort", "budgetLines[256].amount", "1"),
                "sv");
        assertThat(page).contains("Formuläret skickade fler rader än det kan ta emot.");
    }

    @Test
    void aReviewScoreOutsideTheScaleSentByHandIsRejectedAtTheField() throws Exception {
        long id = submitted();
        String reviewer = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        fx.reviewer(fundId, reviewer);
        var criteria = jdbc.queryForList("select id from dialog_fund_criterion where fund_id = ? order by position",
                Long.class, fundId);
        String url = "/review/dialog-fund/applications/" + id;
        for (String score : new String[] {"7", "0", "-1", "tre", "99999999999"}) {
            String page = mvc.perform(post(url).with(users.as(reviewer)).with(csrf())
                            .param("scores[0].criterionId", criteria.get(0).toString()).param("scores[0].score", score)
                            .param("scores[1].criterionId", criteria.get(1).toString()).param("scores[1].score", "3")
                            .param("comment", "Min kommentar"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(score).contains("id=\"error-summary\"").contains("Min kommentar");
        }
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        // Rows numbered with a gap (0 and 2 for two criteria) still score each criterion once: they are taken as sent.
        mvc.perform(post(url).with(users.as(reviewer)).with(csrf())
                        .param("scores[0].criterionId", criteria.get(0).toString()).param("scores[0].score", "4")
                        .param("scores[2].criterionId", criteria.get(1).toString()).param("scores[2].score", "3"))
                .andExpect(status().isFound());
        assertThat(fx.status(id)).isEqualTo("UNDER_REVIEW");
    }

    private long submitted() throws Exception {
        long id = start();
        Map<String, String> form = completeForm("Inskickad för bedömning", "15000");
        form.put("version", version(id));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isFound());
        return id;
    }

    /** Saves the draft with the changes; expects the form again with 422 and what was typed kept. */
    private String rejected(Map<String, String> changes, String language) throws Exception {
        long id = start();
        Map<String, String> form = completeForm("Min ansökan om fika", "20000");
        form.putAll(changes);
        form.put("version", version(id));
        MvcResult result = mvc.perform(with(post("/dialog-fund/applications/" + id), form).param("lang", language)
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("</html>");
        Document html = Jsoup.parse(page);
        assertThat(html.select("input[name=title]").val()).isEqualTo("Min ansökan om fika");
        assertThat(html.select("textarea[name=description]").text()).startsWith("Samtalskvällar där nyanlända");
        assertThat(html.select("input[name=budgetLines[1].description]").val()).isEqualTo("Mat och fika");
        assertThat(html.select("#error-summary")).isNotEmpty();
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        return page;
    }

    private String version(long id) {
        return String.valueOf(fx.version(id));
    }

    private long start() throws Exception {
        String url = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.replaceAll("\\D", ""));
    }
}
