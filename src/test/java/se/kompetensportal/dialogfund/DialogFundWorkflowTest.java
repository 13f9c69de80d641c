package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * The whole workflow, from a draft to a carried-out activity: the applicant drafts, attaches and submits (reference
 * number, receipt); a reviewer scores; the secretary decides (the fund's remainder falls, the decision letter PDF is
 * mailed); the payment is recorded; the applicant reports; the secretary approves; the figures and events follow.
 */
@RecordApplicationEvents
class DialogFundWorkflowTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboxSender outboxSender;

    @Autowired
    DialogFundApi api;

    @Autowired
    ApplicationEvents events;

    @Test
    void fromDraftToCarriedOut() throws Exception {
        DialogFundFixtures fx = new DialogFundFixtures(jdbc);
        long projectId = fx.project();
        long fundId = fx.openFund(projectId, "100000", "25000");
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
        String reviewer = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        fx.reviewer(fundId, reviewer);
        String applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        int year = DialogFundFixtures.today().getYear();

        // The applicant starts a draft and saves it half-filled.
        MvcResult started = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        String editUrl = started.getResponse().getRedirectedUrl();
        assertThat(editUrl).matches("/dialog-fund/applications/\\d+/edit");
        long id = Long.parseLong(editUrl.replaceAll("\\D", ""));
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        mvc.perform(get("/dialog-fund/decision-letters/" + id).with(users.as(applicant)))
                .andExpect(status().isNotFound());
        mvc.perform(get(editUrl).with(users.as(applicant))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Skicka in ansökan")));
        mvc.perform(post("/dialog-fund/applications/" + id).with(users.as(applicant)).with(csrf())
                        .param("title", "Matlagning över gränser").param("version", String.valueOf(fx.version(id))))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dialog-fund/applications/" + id));
        assertThat(jdbc.queryForObject("select title from dialog_application where id = ?", String.class, id))
                .isEqualTo("Matlagning över gränser");

        // A programme as attachment.
        byte[] pdf = "%PDF-1.4\n% program\n".getBytes();
        mvc.perform(multipart("/dialog-fund/applications/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "Program.pdf", "application/pdf", pdf))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        long attachmentId = jdbc.queryForObject("select id from dialog_attachment where application_id = ?",
                Long.class, id);

        // Submitting gives a reference number and a receipt.
        Map<String, String> form = completeForm("Matlagning över gränser", "20000");
        form.put("version", String.valueOf(fx.version(id)));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                        .with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dialog-fund/applications/" + id));
        String reference = jdbc.queryForObject("select reference from dialog_application where id = ?", String.class,
                id);
        assertThat(reference).matches("DP-" + year + "-\\d{4}");
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from dialog_budget_line where application_id = ?",
                Integer.class, id)).isEqualTo(3);
        String receipt = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'dialogfund.receipt'", String.class, applicant).replace('\u00a0', ' ');
        assertThat(receipt).contains(reference).contains("20 000").contains("Matlagning över gränser");
        // The project's secretary is told it waits; the reviewer (steering group) is not mailed for it.
        String notice = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'dialogfund.staff-application'", String.class, secretary);
        assertThat(notice).contains(reference).contains("Matlagning över gränser")
                .contains("/admin/dialog-fund/applications/" + id);
        assertThat(fx.mails(reviewer, "dialogfund.staff-application")).isZero();
        assertThat(events.stream(ApplicationSubmitted.class).filter(e -> e.applicationId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.projectId()).isEqualTo(projectId);
                    assertThat(e.fundYear()).isEqualTo(year);
                    assertThat(e.reference()).isEqualTo(reference);
                });

        // The reviewer sees it, reads the attachment and scores it; it is now under review.
        mvc.perform(get("/review/dialog-fund").with(users.as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(reference)));
        mvc.perform(get("/dialog-fund/attachments/" + attachmentId).with(users.as(reviewer)))
                .andExpect(status().isOk()).andExpect(content().bytes(pdf));
        var criteria = jdbc.queryForList("select id from dialog_fund_criterion where fund_id = ? order by position",
                Long.class, fundId);
        mvc.perform(get("/review/dialog-fund/applications/" + id).with(users.as(reviewer)))
                .andExpect(status().isOk());
        mvc.perform(post("/review/dialog-fund/applications/" + id).with(users.as(reviewer)).with(csrf())
                        .param("scores[0].criterionId", criteria.get(0).toString()).param("scores[0].score", "5")
                        .param("scores[1].criterionId", criteria.get(1).toString()).param("scores[1].score", "3")
                        .param("comment", "Fin idé."))
                .andExpect(status().isFound());
        assertThat(fx.status(id)).isEqualTo("UNDER_REVIEW");

        // The secretary sees the scores and grants 18 000 kr.
        mvc.perform(get("/admin/dialog-fund/applications/" + id).with(users.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Fin idé.")));
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/decision").with(users.as(secretary)).with(csrf())
                        .param("outcome", "GRANT").param("amount", "18000").param("reason", "Ett föredömligt upplägg.")
                        .param("version", String.valueOf(fx.version(id))))
                .andExpect(status().isFound());
        assertThat(fx.status(id)).isEqualTo("GRANTED");
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("82000");
        assertThat(events.stream(ApplicationDecided.class).filter(e -> e.applicationId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.granted()).isTrue();
                    assertThat(e.amountGranted()).isEqualByComparingTo("18000");
                });

        // The decision mail, with the letter as a PDF, reaches the applicant.
        outboxSender.sendDue();
        MimeMessage decision = Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(m -> recipient(m).equals(applicant))
                .filter(m -> subject(m).startsWith("Beslut om er ansökan"))
                .findFirst().orElseThrow();
        assertThat(subject(decision)).isEqualTo("Beslut om er ansökan " + reference);
        byte[] letter = attachment(decision, "beslut-" + reference + ".pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(letter)) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
        assertThat(text).contains("Beslut om stöd ur dialogpotten " + year)
                .contains(reference)
                .contains("Föreningen Mötesplatsen")
                .contains("802479-2213")
                .contains("Ansökan beviljas med 18 000 kr.")
                .contains("Ett föredömligt upplägg.")
                .contains("slutrapport");

        // The applicant's page links the letter, which can be downloaded again; the secretary and the reviewer may
        // too; another applicant finds nothing.
        mvc.perform(get("/dialog-fund/applications/" + id).with(users.as(applicant))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/dialog-fund/decision-letters/" + id)));
        byte[] again = mvc.perform(get("/dialog-fund/decision-letters/" + id).with(users.as(applicant)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "attachment; filename=\"beslut-" + reference + ".pdf\"")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(again)) {
            assertThat(new PDFTextStripper().getText(document).replace('\u00a0', ' '))
                    .contains("Ansökan beviljas med 18 000 kr.").contains("Föreningen Mötesplatsen");
        }
        mvc.perform(get("/dialog-fund/decision-letters/" + id).with(users.as(secretary))).andExpect(status().isOk());
        mvc.perform(get("/dialog-fund/decision-letters/" + id).with(users.as(reviewer))).andExpect(status().isOk());
        String stranger = users.create(Set.of(Role.APPLICANT), null, Set.of());
        mvc.perform(get("/dialog-fund/decision-letters/" + id).with(users.as(stranger)))
                .andExpect(status().isNotFound());

        // Payment requested, then paid.
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/payment").param("step", "REQUESTED")
                .with(users.as(secretary)).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/payment").param("step", "PAID")
                .with(users.as(secretary)).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select paid_on is not null and payment_requested_on is not null "
                + "from dialog_application where id = ?", Boolean.class, id)).isTrue();

        // The applicant reports, with a photo.
        mvc.perform(get("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)))
                .andExpect(status().isOk());
        mvc.perform(multipart("/dialog-fund/applications/" + id + "/report/photos")
                        .file(new MockMultipartFile("file", "bild.png", "image/png", Files.PNG))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/dialog-fund/applications/" + id + "/report").with(users.as(applicant)).with(csrf())
                        .param("summary", "Fyra kvällar med mat och samtal.")
                        .param("heldOn", DialogFundFixtures.today().toString())
                        .param("participantsWomen", "14").param("participantsMen", "9")
                        .param("participantsNewcomers", "12").param("participantsLongTimeResidents", "11")
                        .param("actualCosts", "17500"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status from dialog_final_report where application_id = ?",
                String.class, id)).isEqualTo("SUBMITTED");
        assertThat(fx.mails(secretary, "dialogfund.staff-report")).isEqualTo(1);

        // The secretary approves: carried out.
        long reportVersion = jdbc.queryForObject("select version from dialog_final_report where application_id = ?",
                Long.class, id);
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/report/approve").with(users.as(secretary))
                        .with(csrf()).param("version", String.valueOf(reportVersion)))
                .andExpect(status().isFound());
        assertThat(fx.status(id)).isEqualTo("CARRIED_OUT");
        assertThat(fx.mails(applicant, "dialogfund.report-approved")).isEqualTo(1);
        assertThat(events.stream(ApplicationCarriedOut.class).filter(e -> e.applicationId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.participantsWomen()).isEqualTo(14);
                    assertThat(e.participantsNewcomers()).isEqualTo(12);
                    assertThat(e.fundYear()).isEqualTo(year);
                });

        FundFigures figures = api.figures(projectId, year).orElseThrow();
        assertThat(figures.received()).isEqualTo(1);
        assertThat(figures.granted()).isEqualTo(1);
        assertThat(figures.carriedOut()).isEqualTo(1);
        assertThat(figures.rejected()).isZero();
        assertThat(figures.grantedAmount()).isEqualByComparingTo("18000");
        assertThat(figures.remainingAmount()).isEqualByComparingTo("82000");
        assertThat(figures.applicationsTargetMet()).isFalse();
        assertThat(api.figures(projectId)).extracting(FundFigures::year).containsExactly(year);
        assertThat(new BigDecimal("82000")).isEqualByComparingTo(fx.remaining(fundId));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] attachment(MimeMessage message, String filename) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            byte[] found = find(multipart, filename);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("No attachment " + filename);
    }

    private static byte[] find(Multipart multipart, String filename) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (filename.equals(part.getFileName())) {
                return part.getInputStream().readAllBytes();
            }
            if (part.getContent() instanceof Multipart nested) {
                byte[] found = find(nested, filename);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
