package se.kompetensportal.dialogfund;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The secretary sets up funds: amounts, periods, criteria and reviewers, and follows them against the targets. */
class FundAdminTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    DialogFundFixtures fx;
    long projectId;
    String secretary;

    @BeforeEach
    void project() {
        fx = new DialogFundFixtures(jdbc);
        projectId = fx.project();
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
    }

    @Test
    void aFundIsCreatedOncePerProjectAndYearWithSensibleAmounts() throws Exception {
        mvc.perform(get("/admin/dialog-fund/funds/new").param("projectId", String.valueOf(projectId))
                .with(users.as(secretary))).andExpect(status().isOk());
        create("2031", "50000", "60000").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("kan inte vara större än beloppet att fördela")));
        create("2031", "", "1000").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fältet måste fyllas i.")));
        long fundId = created(create("2031", "50000", "20000"));
        create("2031", "70000", "20000").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("har redan en dialogpott för 2031")));
        assertThat(jdbc.queryForObject("select count(*) from dialog_fund where project_id = ?", Integer.class,
                projectId)).isEqualTo(1);
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("50000");

        String otherSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(post("/admin/dialog-fund/funds").with(users.as(otherSecretary)).with(csrf())
                        .param("projectId", String.valueOf(projectId)).param("year", "2032")
                        .param("totalAmount", "1000").param("maxPerApplication", "100").param("reportDueDays", "30")
                        .param("targetApplications", "10").param("targetCarriedOut", "5"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/admin/dialog-fund").with(users.as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/dialog-fund/funds/" + fundId)))
                .andExpect(content().string(containsString("0 av målet 10")))
                .andExpect(content().string(containsString("målet är inte nått")));
    }

    @Test
    void periodsCriteriaAndReviewersAreKeptAndCopiedToTheNextYear() throws Exception {
        long fundId = created(create("2031", "50000", "20000"));
        String base = "/admin/dialog-fund/funds/" + fundId;
        mvc.perform(post(base + "/periods").with(users.as(secretary)).with(csrf())
                .param("opensOn", "2031-02-01").param("closesOn", "2031-03-31")).andExpect(status().isFound());
        mvc.perform(post(base + "/periods").with(users.as(secretary)).with(csrf())
                        .param("opensOn", "2031-03-15").param("closesOn", "2031-04-30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("överlappar en annan ansökningsperiod")));
        mvc.perform(post(base + "/periods").with(users.as(secretary)).with(csrf())
                        .param("opensOn", "2031-10-01").param("closesOn", "2031-09-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Slutdatum kan inte vara före startdatum.")));
        assertThat(jdbc.queryForObject("select count(*) from dialog_fund_period where fund_id = ?", Integer.class,
                fundId)).isEqualTo(1);

        mvc.perform(post(base + "/criteria").with(users.as(secretary)).with(csrf())
                .param("name", "Möten").param("description", "Nya och gamla möts")).andExpect(status().isFound());
        mvc.perform(post(base + "/criteria").with(users.as(secretary)).with(csrf()).param("name", ""))
                .andExpect(status().isUnprocessableContent());

        String steering = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        String participant = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        mvc.perform(get(base).with(users.as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString(steering)))
                .andExpect(content().string(containsString("Nya och gamla möts")));
        mvc.perform(post(base + "/reviewers").with(users.as(secretary)).with(csrf())
                        .param("reviewerIds", String.valueOf(fx.userId(participant))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bara ledamöter i projektets styrgrupp")));
        mvc.perform(post(base + "/reviewers").with(users.as(secretary)).with(csrf())
                .param("reviewerIds", String.valueOf(fx.userId(steering)))).andExpect(status().isFound());
        assertThat(jdbc.queryForList("select user_id from dialog_fund_reviewer where fund_id = ?", Long.class, fundId))
                .containsExactly(fx.userId(steering));

        long next = created(create("2032", "60000", "20000"));
        assertThat(jdbc.queryForList("select name from dialog_fund_criterion where fund_id = ?", String.class, next))
                .containsExactly("Möten");
        assertThat(jdbc.queryForList("select user_id from dialog_fund_reviewer where fund_id = ?", Long.class, next))
                .containsExactly(fx.userId(steering));

        mvc.perform(post(base + "/reviewers").with(users.as(secretary)).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForList("select user_id from dialog_fund_reviewer where fund_id = ?", Long.class, fundId))
                .isEmpty();
    }

    @Test
    void theTotalCannotGoBelowWhatIsGrantedAndAStaleFormIsAConflict() throws Exception {
        long fundId = fx.openFund(projectId, "50000", "25000");
        jdbc.update("update dialog_fund set remaining_amount = 30000 where id = ?", fundId);
        long version = jdbc.queryForObject("select version from dialog_fund where id = ?", Long.class, fundId);
        edit(fundId, "15000", version).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan är beviljat")));
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("30000");
        edit(fundId, "60000", version).andExpect(status().isFound());
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("40000");
        edit(fundId, "70000", version).andExpect(status().isConflict());
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("40000");
    }

    @Test
    void aCriterionReviewersHaveScoredStays() throws Exception {
        long fundId = fx.openFund(projectId, "50000", "25000");
        long criterion = jdbc.queryForObject("select min(id) from dialog_fund_criterion where fund_id = ?", Long.class,
                fundId);
        long unused = jdbc.queryForObject("select max(id) from dialog_fund_criterion where fund_id = ?", Long.class,
                fundId);
        String applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        long app = jdbc.queryForObject("select nextval('dialog_application_seq')", Long.class);
        jdbc.update("insert into dialog_application (id, fund_id, owner_id, status, reference, submitted_at, "
                + "amount_requested) values (?, ?, ?, 'SUBMITTED', ?, now(), 1000)", app, fundId, fx.userId(applicant),
                "DP-T-" + app);
        long review = jdbc.queryForObject("select nextval('dialog_review_seq')", Long.class);
        jdbc.update("insert into dialog_review (id, application_id, reviewer_id) values (?, ?, ?)", review, app,
                fx.userId(applicant));
        jdbc.update("insert into dialog_review_score (review_id, criterion_id, score) values (?, ?, 4)", review,
                criterion);
        String base = "/admin/dialog-fund/funds/" + fundId + "/criteria/";
        mvc.perform(post(base + criterion + "/delete").with(users.as(secretary)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("har redan fått poäng")));
        mvc.perform(post(base + unused + "/delete").with(users.as(secretary)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select id from dialog_fund_criterion where fund_id = ?", Long.class, fundId))
                .containsExactly(criterion);
    }

    private ResultActions create(String year, String total, String max) throws Exception {
        return mvc.perform(post("/admin/dialog-fund/funds").with(users.as(secretary)).with(csrf())
                .param("projectId", String.valueOf(projectId)).param("year", year).param("totalAmount", total)
                .param("maxPerApplication", max).param("description", "Stöd till möten")
                .param("municipalities", "Kalmar\nNybro").param("reportDueDays", "30")
                .param("targetApplications", "10").param("targetCarriedOut", "5"));
    }

    private ResultActions edit(long fundId, String total, long version) throws Exception {
        return mvc.perform(post("/admin/dialog-fund/funds/" + fundId).with(users.as(secretary)).with(csrf())
                .param("projectId", String.valueOf(projectId))
                .param("year", String.valueOf(DialogFundFixtures.today().getYear())).param("totalAmount", total)
                .param("maxPerApplication", "10000").param("reportDueDays", "30").param("targetApplications", "10")
                .param("targetCarriedOut", "5").param("version", String.valueOf(version)));
    }

    private static long created(ResultActions result) throws Exception {
        String url = result.andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(url.replaceAll("\\D", ""));
    }
}
