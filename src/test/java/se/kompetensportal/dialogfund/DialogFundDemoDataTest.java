package se.kompetensportal.dialogfund;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo data: IKO's dialog fund for last year (inside the project period) with a year's applications each, meeting the plan's targets, and a fund
 * for the current year that is open today, where the demo applicant has an application in every state.
 */
class DialogFundDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DialogFundApi api;

    @Test
    void ikoHasAFundPerYearWhoseFiguresAddUp() {
        long iko = users.projectId("2016/00175");
        List<FundFigures> figures = api.figures(iko);
        int thisYear = DialogFundFixtures.today().getYear();
        assertThat(figures).extracting(FundFigures::year).contains(thisYear - 1, thisYear);
        for (FundFigures f : figures.stream().filter(f -> f.year() < thisYear).toList()) {
            assertThat(f.totalAmount()).isEqualByComparingTo("150000");
            assertThat(f.received()).isEqualTo(12);
            assertThat(f.granted()).isEqualTo(6);
            assertThat(f.rejected()).isEqualTo(6);
            assertThat(f.applicationsTargetMet()).isTrue();
            assertThat(f.carriedOutTargetMet()).isTrue();
            assertThat(f.remainingAmount()).isEqualByComparingTo(f.totalAmount().subtract(f.grantedAmount()));
        }
        // Last year's sixth granted application still owes its final report.
        assertThat(api.figures(iko, thisYear - 1).orElseThrow().carriedOut()).isEqualTo(5);
    }

    @Test
    void theDemoApplicantCanApplyNowAndHasAnApplicationInEveryState() throws Exception {
        long iko = users.projectId("2016/00175");
        int thisYear = DialogFundFixtures.today().getYear();
        assertThat(jdbc.queryForObject("""
                select count(*) from dialog_fund_period p join dialog_fund f on f.id = p.fund_id
                where f.project_id = ? and f.year = ? and current_date between p.opens_on and p.closes_on""",
                Integer.class, iko, thisYear)).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select distinct a.status from dialog_application a join app_user u on u.id = a.owner_id
                join dialog_fund f on f.id = a.fund_id
                where u.email = ? and f.year = ?""", String.class, "sokande" + TestUsers.DEMO_DOMAIN, thisYear))
                .containsExactlyInAnyOrder("DRAFT", "SUBMITTED", "UNDER_REVIEW", "GRANTED", "REJECTED", "CARRIED_OUT");
        mvc.perform(get("/dialog-fund")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dialogpotten IKO " + thisYear)))
                .andExpect(content().string(containsString("Öppen för ansökningar till och med")));
        mvc.perform(get("/dialog-fund/my").with(users.demo("sokande"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Påbörja en ansökan till IKO " + thisYear)))
                .andExpect(content().string(containsString("Musik över gränser")));
        mvc.perform(get("/review/dialog-fund").with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("DP-" + thisYear + "-")));
        mvc.perform(get("/admin/dialog-fund").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dialogpotten IKO " + (thisYear - 1))))
                .andExpect(content().string(containsString("målet är nått")));
    }
}
