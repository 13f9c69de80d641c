package se.kompetensportal.dialogfund;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * The handling around the decision: reviewers' scores are checked and close with the decision; a rejection letter
 * in the applicant's language (English here); a final report returned for completion, completed and approved; the
 * secretary's list by status.
 */
class DialogFundCaseTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxSender outboxSender;

    DialogFundFixtures fx;
    long fundId;
    String applicant;
    String secretary;
    String reviewer;
    List<Long> criteria;

    @BeforeEach
    void fund() {
        fx = new DialogFundFixtures(jdbc);
        long projectId = fx.project();
        fundId = fx.openFund(projectId, "100000", "25000");
        applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
        reviewer = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        fx.reviewer(fundId, reviewer);
        criteria = jdbc.queryForList("select id from dialog_fund_criterion where fund_id = ? order by position",
                Long.class, fundId);
    }

    @Test
    void everyCriterionMustBeScoredOneToFiveUntilTheDecision() throws Exception {
        long id = submit("Poängsatt", "sv");
        String url = "/review/dialog-fund/applications/" + id;
        mvc.perform(post(url).with(users.as(reviewer)).with(csrf())
                        .param("scores[0].criterionId", criteria.get(0).toString())
                        .param("scores[1].criterionId", criteria.get(1).toString()).param("scores[1].score", "6"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fältet måste fyllas i.")))
                .andExpect(content().string(containsString("Ange högst 5.")))
                .andExpect(content().string(containsString("href=\"#scores0.score\"")));
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        score(id, "4", "2").andExpect(status().isFound());
        // Saving again updates the same review.
        long version = jdbc.queryForObject("select version from dialog_review where application_id = ?", Long.class, id);
        mvc.perform(post(url).with(users.as(reviewer)).with(csrf()).param("version", String.valueOf(version))
                .param("scores[0].criterionId", criteria.get(0).toString()).param("scores[0].score", "5")
                .param("scores[1].criterionId", criteria.get(1).toString()).param("scores[1].score", "5"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from dialog_review where application_id = ?", Integer.class,
                id)).isEqualTo(1);
        mvc.perform(get("/admin/dialog-fund/applications/" + id).with(users.as(secretary)))
                .andExpect(content().string(containsString("Poäng per kriterium och bedömare")));

        decide(id, "REJECT", "", "För få deltagare.");
        mvc.perform(get(url).with(users.as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("kan inte längre bedömas")));
        score(id, "1", "1").andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForList("select score from dialog_review_score s join dialog_review r on r.id = s.review_id "
                + "where r.application_id = ?", Integer.class, id)).containsOnly(5);
    }

    @Test
    void aRejectionLetterIsWrittenInTheApplicantsLanguage() throws Exception {
        long id = submit("Language café", "en");
        decide(id, "REJECT", "", "The budget is too large for the number of participants.");
        String reference = jdbc.queryForObject("select reference from dialog_application where id = ?", String.class,
                id);
        outboxSender.sendDue();
        MimeMessage mail = Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(applicant);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Decision");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Decision on your application " + reference);
        byte[] letter = DialogFundWorkflowTest.attachment(mail, "beslut-" + reference + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(letter)) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("The application is rejected.")
                    .contains("The budget is too large for the number of participants.")
                    .contains("Language café")
                    .doesNotContain("Conditions");
        }
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("100000");
    }

    @Test
    void aFinalReportCanBeReturnedForCompletionThenApproved() throws Exception {
        long id = submit("Rapporteras två gånger", "sv");
        decide(id, "GRANT", "12000", "");
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/report/approve").with(users.as(secretary))
                        .with(csrf()).param("version", "0"))
                .andExpect(status().isUnprocessableContent());
        report(id, "Kort.", null).andExpect(status().isFound());
        report(id, "Igen.", 0L).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan inlämnad")));

        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/report/return").with(users.as(secretary))
                .with(csrf()).param("comment", "")).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/report/return").with(users.as(secretary))
                        .with(csrf()).param("comment", "Beskriv gärna mötena mer."))
                .andExpect(status().isFound());
        assertThat(fx.mails(applicant, "dialogfund.report-returned")).isEqualTo(1);
        mvc.perform(get("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beskriv gärna mötena mer.")))
                .andExpect(content().string(containsString("Kort.")));

        long version = jdbc.queryForObject("select version from dialog_final_report where application_id = ?",
                Long.class, id);
        report(id, "Fyra kvällar där vi lagade mat och pratade om traditioner.", version)
                .andExpect(status().isFound());
        long approved = jdbc.queryForObject("select version from dialog_final_report where application_id = ?",
                Long.class, id);
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/report/approve").with(users.as(secretary))
                .with(csrf()).param("version", String.valueOf(approved))).andExpect(status().isFound());
        assertThat(fx.status(id)).isEqualTo("CARRIED_OUT");
        mvc.perform(get("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/dialog-fund/funds/" + fundId).param("status", "CARRIED_OUT").with(users.as(secretary)))
                .andExpect(content().string(containsString("Rapporteras två gånger")));
        mvc.perform(get("/admin/dialog-fund/funds/" + fundId).param("status", "REJECTED").with(users.as(secretary)))
                .andExpect(content().string(not(containsString("Rapporteras två gånger"))));
    }

    @Test
    void aReportCannotBeDatedInTheFuture() throws Exception {
        long id = submit("Framtida", "sv");
        decide(id, "GRANT", "5000", "");
        mvc.perform(post("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)).with(csrf())
                        .param("summary", "Ska hända").param("heldOn", DialogFundFixtures.today().plusDays(3).toString())
                        .param("participantsWomen", "1").param("participantsMen", "1")
                        .param("participantsNewcomers", "1").param("participantsLongTimeResidents", "1")
                        .param("actualCosts", "100"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("kan inte vara i framtiden")));
        assertThat(jdbc.queryForObject("select count(*) from dialog_final_report where application_id = ?",
                Integer.class, id)).isZero();
    }

    private org.springframework.test.web.servlet.ResultActions score(long id, String first, String second)
            throws Exception {
        Long version = jdbc.query("select version from dialog_review where application_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, id);
        var request = post("/review/dialog-fund/applications/" + id).with(users.as(reviewer)).with(csrf())
                .param("scores[0].criterionId", criteria.get(0).toString()).param("scores[0].score", first)
                .param("scores[1].criterionId", criteria.get(1).toString()).param("scores[1].score", second);
        if (version != null) {
            request.param("version", String.valueOf(version));
        }
        return mvc.perform(request);
    }

    private org.springframework.test.web.servlet.ResultActions report(long id, String summary, Long version)
            throws Exception {
        var request = post("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)).with(csrf())
                .param("summary", summary).param("heldOn", DialogFundFixtures.today().toString())
                .param("participantsWomen", "5").param("participantsMen", "4")
                .param("participantsNewcomers", "5").param("participantsLongTimeResidents", "4")
                .param("actualCosts", "11000");
        if (version != null) {
            request.param("version", String.valueOf(version));
        }
        return mvc.perform(request);
    }

    private void decide(long id, String outcome, String amount, String reason) throws Exception {
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/decision").with(users.as(secretary)).with(csrf())
                        .param("outcome", outcome).param("amount", amount).param("reason", reason)
                        .param("version", String.valueOf(fx.version(id))))
                .andExpect(status().isFound());
    }

    private long submit(String title, String language) throws Exception {
        String url = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()).with(language(language)))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.replaceAll("\\D", ""));
        Map<String, String> form = completeForm(title, "20000");
        form.put("version", String.valueOf(fx.version(id)));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf()).with(language(language))).andExpect(status().isFound());
        return id;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor language(String language) {
        return (MockHttpServletRequest request) -> {
            request.setCookies(new jakarta.servlet.http.Cookie("kp-lang", language));
            return request;
        };
    }
}
