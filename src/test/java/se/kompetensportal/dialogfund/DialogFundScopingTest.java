package se.kompetensportal.dialogfund;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * Data scoping: an applicant reaches only their own applications (another applicant's id is "not found" on every
 * route, and nothing changes); reviewers only the submitted applications of funds they review; secretaries only their
 * projects' funds.
 */
class DialogFundScopingTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    DialogFundFixtures fx;
    long projectId;
    long fundId;
    String owner;
    String intruder;
    long draft;
    long submitted;
    long granted;
    long attachment;

    @BeforeEach
    void applicationsOfOneApplicant() throws Exception {
        fx = new DialogFundFixtures(jdbc);
        projectId = fx.project();
        fundId = fx.openFund(projectId, "100000", "25000");
        owner = users.create(Set.of(Role.APPLICANT), null, Set.of());
        intruder = users.create(Set.of(Role.APPLICANT), null, Set.of());
        draft = start(owner);
        mvc.perform(post("/dialog-fund/applications/" + draft).with(users.as(owner)).with(csrf())
                .param("title", "Ägarens utkast").param("version", String.valueOf(fx.version(draft))))
                .andExpect(status().isFound());
        mvc.perform(multipart("/dialog-fund/applications/" + draft + "/attachments")
                        .file(new MockMultipartFile("file", "plan.pdf", "application/pdf", Files.PDF))
                        .with(users.as(owner)).with(csrf()))
                .andExpect(status().isFound());
        attachment = jdbc.queryForObject("select id from dialog_attachment where application_id = ?", Long.class, draft);
        submitted = submit(owner, "Ägarens inskickade");
        granted = submit(owner, "Ägarens beviljade");
        jdbc.update("""
                update dialog_application set status = 'GRANTED', granted_amount = 10000, decided_on = current_date,
                       report_due = current_date + 30 where id = ?""", granted);
    }

    @Test
    void anotherApplicantsApplicationIsNotFoundOnEveryRouteAndNothingChanges() throws Exception {
        String before = snapshot();
        Map<String, String> form = completeForm("Inkräktarens titel", "10000");
        form.put("version", String.valueOf(fx.version(draft)));
        AbstractMockHttpServletRequestBuilder<?>[] attempts = {
                get("/dialog-fund/applications/" + draft),
                get("/dialog-fund/applications/" + submitted),
                get("/dialog-fund/applications/" + draft + "/edit"),
                get("/dialog-fund/applications/" + granted + "/report"),
                get("/dialog-fund/attachments/" + attachment),
                with(post("/dialog-fund/applications/" + draft), form).with(csrf()),
                with(post("/dialog-fund/applications/" + draft + "/submit"), form).with(csrf()),
                post("/dialog-fund/applications/" + draft + "/delete").with(csrf()),
                multipart("/dialog-fund/applications/" + draft + "/attachments")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", Files.PDF)).with(csrf()),
                post("/dialog-fund/applications/" + draft + "/attachments/" + attachment + "/delete").with(csrf()),
                post("/dialog-fund/applications/" + granted + "/report").with(csrf())
                        .param("summary", "Inkräktare").param("heldOn", DialogFundFixtures.today().toString())
                        .param("participantsWomen", "1").param("participantsMen", "1")
                        .param("participantsNewcomers", "1").param("participantsLongTimeResidents", "1")
                        .param("actualCosts", "1"),
                multipart("/dialog-fund/applications/" + granted + "/report/photos")
                        .file(new MockMultipartFile("file", "x.png", "image/png", Files.PNG)).with(csrf()),
                post("/dialog-fund/applications").param("fundId", "999999999").with(csrf()),
        };
        for (AbstractMockHttpServletRequestBuilder<?> attempt : attempts) {
            mvc.perform(attempt.with(users.as(intruder))).andExpect(status().isNotFound());
        }
        assertThat(snapshot()).isEqualTo(before);
        mvc.perform(get("/dialog-fund/my").with(users.as(intruder))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Ägarens"))));
        mvc.perform(get("/dialog-fund/my").with(users.as(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ägarens utkast")));
    }

    @Test
    void reviewersSeeOnlySubmittedApplicationsOfTheFundsTheyReview() throws Exception {
        String reviewer = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        String notAssigned = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        String otherProject = users.create(Set.of(Role.STEERING), null, Set.of(users.projectId("LFI")));
        fx.reviewer(fundId, reviewer);
        jdbc.update("insert into dialog_fund_reviewer (fund_id, user_id) values (?, ?)", fundId,
                fx.userId(otherProject));

        mvc.perform(get("/review/dialog-fund/applications/" + submitted).with(users.as(reviewer)))
                .andExpect(status().isOk());
        mvc.perform(get("/review/dialog-fund").with(users.as(reviewer)))
                .andExpect(content().string(containsString("Ägarens inskickade")))
                .andExpect(content().string(not(containsString("Ägarens utkast"))));
        mvc.perform(get("/review/dialog-fund/applications/" + draft).with(users.as(reviewer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dialog-fund/attachments/" + attachment).with(users.as(reviewer)))
                .andExpect(status().isNotFound());
        for (String outsider : new String[] {notAssigned, otherProject}) {
            mvc.perform(get("/review/dialog-fund/applications/" + submitted).with(users.as(outsider)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/review/dialog-fund/applications/" + submitted).with(users.as(outsider)).with(csrf())
                    .param("comment", "Inkräktare")).andExpect(status().isNotFound());
            mvc.perform(get("/review/dialog-fund").with(users.as(outsider)))
                    .andExpect(content().string(not(containsString("Ägarens inskickade"))));
        }
        assertThat(jdbc.queryForObject("select count(*) from dialog_review where application_id = ?", Integer.class,
                submitted)).isZero();
    }

    @Test
    void aSecretaryOfAnotherProjectIsRefusedAndNothingChanges() throws Exception {
        String ownSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
        String otherSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        String before = snapshot();
        mvc.perform(get("/admin/dialog-fund/applications/" + submitted).with(users.as(otherSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/dialog-fund/funds/" + fundId).with(users.as(otherSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/dialog-fund/funds/" + fundId + "/edit").with(users.as(otherSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/dialog-fund/applications/" + submitted + "/decision").with(users.as(otherSecretary))
                        .with(csrf()).param("outcome", "GRANT").param("amount", "5000")
                        .param("version", String.valueOf(fx.version(submitted))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/dialog-fund/funds/" + fundId + "/periods").with(users.as(otherSecretary))
                        .with(csrf()).param("opensOn", "2030-01-01").param("closesOn", "2030-02-01"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dialog-fund/attachments/" + attachment).with(users.as(otherSecretary)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/dialog-fund").with(users.as(otherSecretary)))
                .andExpect(content().string(not(containsString("/admin/dialog-fund/funds/" + fundId + "\""))));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("100000");
        assertThat(jdbc.queryForObject("select count(*) from dialog_fund_period where fund_id = ?", Integer.class,
                fundId)).isEqualTo(1);

        mvc.perform(get("/admin/dialog-fund/applications/" + submitted).with(users.as(ownSecretary)))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/dialog-fund/funds/" + fundId).with(users.as(ownSecretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ägarens inskickade")));
        mvc.perform(get("/dialog-fund/attachments/" + attachment).with(users.demo("admin")))
                .andExpect(status().isOk());
    }

    private long start(String applicant) throws Exception {
        String url = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.replaceAll("\\D", ""));
    }

    private long submit(String applicant, String title) throws Exception {
        long id = start(applicant);
        Map<String, String> form = completeForm(title, "15000");
        form.put("version", String.valueOf(fx.version(id)));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isFound());
        return id;
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                select string_agg(a.id || ':' || a.version || ':' || a.status || ':' || coalesce(a.title, '')
                       || ':' || (select count(*) from dialog_attachment f where f.application_id = a.id)
                       || ':' || (select count(*) from dialog_final_report r where r.application_id = a.id),
                       ',' order by a.id)
                from dialog_application a where a.fund_id = ?""", String.class, fundId);
    }
}
