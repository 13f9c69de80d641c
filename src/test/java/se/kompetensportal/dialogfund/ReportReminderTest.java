package se.kompetensportal.dialogfund;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.dialogfund.domain.ReportReminders;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.kompetensportal.dialogfund.DialogFundFixtures.completeForm;
import static se.kompetensportal.dialogfund.DialogFundFixtures.with;

/**
 * The reminder job mails an applicant whose final report is past due, once, however often it runs; not those whose
 * report is in, or not yet due. The job runs through its scheduled method; the clock is moved to make a report due.
 */
class ReportReminderTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportReminders reminders;

    @Autowired
    TestClock clock;

    @Test
    void anOverdueReportIsRemindedOnceAndOnlyThatOne() throws Exception {
        DialogFundFixtures fx = new DialogFundFixtures(jdbc);
        long fundId = fx.openFund(fx.project(), "100000", "25000");
        String applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        long overdue = granted(fx, fundId, applicant, "Försenad rapport", day(-1));
        long reported = granted(fx, fundId, applicant, "Inlämnad rapport", day(-10));
        granted(fx, fundId, applicant, "Inte ännu", day(5));
        jdbc.update("""
                insert into dialog_final_report (application_id, status, summary, held_on, participants_women,
                    participants_men, participants_newcomers, participants_long_time_residents, actual_costs,
                    submitted_at)
                values (?, 'SUBMITTED', 'Klart', ?, 1, 1, 1, 1, 100, now())""", reported,
                DialogFundFixtures.today().minusDays(20));

        reminders.scheduledRun();
        assertThat(fx.mails(applicant, "dialogfund.report-reminder")).isEqualTo(1);
        String reference = jdbc.queryForObject("select reference from dialog_application where id = ?", String.class,
                overdue);
        Map<String, Object> mail = jdbc.queryForMap("select subject, body_text from outbox_message "
                + "where recipient = ? and category = 'dialogfund.report-reminder'", applicant);
        assertThat(mail.get("subject")).isEqualTo("Påminnelse: slutrapport för " + reference);
        assertThat((String) mail.get("body_text")).contains("Försenad rapport")
                .contains(DialogFundFixtures.today().minusDays(1).toString())
                .contains("/dialog-fund/applications/" + overdue);

        reminders.scheduledRun();
        reminders.scheduledRun();
        assertThat(fx.mails(applicant, "dialogfund.report-reminder")).isEqualTo(1);

        // Six days on, the report due in five days is overdue too, and reminded once.
        try {
            clock.advance(Duration.ofDays(6));
            reminders.scheduledRun();
            reminders.scheduledRun();
        } finally {
            clock.reset();
        }
        assertThat(fx.mails(applicant, "dialogfund.report-reminder")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = "
                + "'dialogfund.report-reminder' and body_text like '%Inte ännu%'", Integer.class, applicant)).isEqualTo(1);
    }

    private long granted(DialogFundFixtures fx, long fundId, String applicant, String title, String due)
            throws Exception {
        String url = mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.replaceAll("\\D", ""));
        Map<String, String> form = completeForm(title, "10000");
        form.put("version", String.valueOf(fx.version(id)));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isFound());
        jdbc.update("update dialog_application set status = 'GRANTED', granted_amount = 10000, "
                + "decided_on = current_date - 40, report_due = " + due + " where id = ?", id);
        return id;
    }

    /** A date as SQL, counted in the portal's time zone: the database's current_date is UTC, a day behind at night. */
    private static String day(int fromToday) {
        return "date '" + DialogFundFixtures.today().plusDays(fromToday) + "'";
    }
}
