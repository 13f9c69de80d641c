package se.kompetensportal.dialogfund;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import se.kompetensportal.dialogfund.domain.ApplicantService;
import se.kompetensportal.dialogfund.domain.CaseService;
import se.kompetensportal.dialogfund.domain.DecisionForm;
import se.kompetensportal.dialogfund.domain.Outcome;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Bad input and abuse: an incomplete or oversized application, an edit after submission, a submission outside the
 * application period, a decision on a draft or above what remains; and two decisions (or submissions) at once.
 * Each is refused with a clear message and changes nothing.
 */
class DialogFundRulesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    @Autowired
    ApplicantService applicants;

    DialogFundFixtures fx;
    long projectId;
    long fundId;
    String applicant;
    String secretary;

    @BeforeEach
    void fundWithThirtyThousandLeft() {
        fx = new DialogFundFixtures(jdbc);
        projectId = fx.project();
        fundId = fx.openFund(projectId, "30000", "25000");
        applicant = users.create(Set.of(Role.APPLICANT), null, Set.of());
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
    }

    @Test
    void anIncompleteApplicationCannotBeSubmitted() throws Exception {
        long id = start();
        mvc.perform(post("/dialog-fund/applications/" + id + "/submit").with(users.as(applicant)).with(csrf())
                        .param("title", "Bara en titel").param("version", version(id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fältet måste fyllas i.")))
                .andExpect(content().string(containsString("id=\"error-summary\"")));
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select title from dialog_application where id = ?", String.class, id)).isNull();
    }

    @Test
    void theAmountAndTheOrganisationNumberAreChecked() throws Exception {
        long id = start();
        expectRejected(id, Map.of("amountRequested", "26000"), "Du kan söka högst");
        expectRejected(id, Map.of("amountRequested", "25001", "budgetLines[2].amount", "1"),
                "Du kan söka högst");
        expectRejected(id, Map.of("amountRequested", "25000", "budgetLines[2].amount", "1000"),
                "kan inte vara större än budgetens summa");
        expectRejected(id, Map.of("organisationNumber", "802479-2214"), "Kontrollsiffran stämmer inte");
        expectRejected(id, Map.of("budgetLines[0].description", ""), "Fältet måste fyllas i.");
        expectRejected(id, Map.of("plannedEnd", DialogFundFixtures.today().toString()),
                "Slutdatum kan inte vara före startdatum.");
        expectRejected(id, Map.of("budgetLines[0].description", "", "budgetLines[0].amount", "",
                "budgetLines[1].description", "", "budgetLines[1].amount", "", "budgetLines[2].description", "",
                "budgetLines[2].amount", ""), "Ange minst en kostnad i budgeten.");
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from dialog_budget_line where application_id = ?",
                Integer.class, id)).isZero();
    }

    @Test
    void aSubmittedApplicationCannotBeEdited() throws Exception {
        long id = submit("Inskickad och låst", "15000");
        long version = fx.version(id);
        Map<String, String> form = completeForm("Ändrad efteråt", "15000");
        form.put("version", String.valueOf(version));
        mvc.perform(with(post("/dialog-fund/applications/" + id), form).with(users.as(applicant)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("är redan inskickad och kan inte ändras")));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/dialog-fund/applications/" + id + "/edit").with(users.as(applicant)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/dialog-fund/applications/" + id + "/delete").with(users.as(applicant)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(fx.version(id)).isEqualTo(version);
        assertThat(jdbc.queryForObject("select title from dialog_application where id = ?", String.class, id))
                .isEqualTo("Inskickad och låst");
    }

    @Test
    void outsideTheApplicationPeriodTheFormSaysWhenTheNextOneOpens() throws Exception {
        long id = start();
        jdbc.update("update dialog_fund_period set opens_on = ?, closes_on = ? where fund_id = ?",
                DialogFundFixtures.today().plusDays(10), DialogFundFixtures.today().plusDays(40), fundId);
        String opens = DialogFundFixtures.today().plusDays(10).toString();
        mvc.perform(get("/dialog-fund/applications/" + id + "/edit").with(users.as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nästa ansökningsperiod öppnar " + opens)))
                .andExpect(content().string(not(containsString("Skicka in ansökan"))))
                .andExpect(content().string(containsString("Spara utkast")));
        Map<String, String> form = completeForm("För tidigt", "15000");
        form.put("version", version(id));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nästa ansökningsperiod öppnar " + opens)));
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select reference from dialog_application where id = ?", String.class, id))
                .isNull();
        // Saving the draft is still possible.
        mvc.perform(with(post("/dialog-fund/applications/" + id), form).with(users.as(applicant)).with(csrf()))
                .andExpect(status().isFound());

        jdbc.update("delete from dialog_fund_period where fund_id = ?", fundId);
        mvc.perform(post("/dialog-fund/applications").param("fundId", String.valueOf(fundId))
                        .with(users.as(applicant)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ingen ansökningsperiod är planerad.")));
    }

    @Test
    void aDraftCannotBeDecided() throws Exception {
        long id = start();
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/decision").with(users.as(secretary)).with(csrf())
                        .param("outcome", "GRANT").param("amount", "10000").param("version", version(id)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bara inskickade ansökningar kan beslutas.")));
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("30000");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where project_id = ?", Integer.class,
                projectId)).isZero();
    }

    @Test
    void aGrantCannotExceedWhatRemainsOrWhatWasAskedFor() throws Exception {
        long first = submit("Först", "20000");
        long second = submit("Sedan", "20000");
        decide(first, "GRANT", "20000", null).andExpect(status().isFound());
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("10000");

        decide(second, "GRANT", "15000", null).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("större än det som finns kvar i dialogpotten")));
        decide(second, "GRANT", "20001", null).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("större än det sökta")));
        decide(second, "GRANT", "", null).andExpect(status().isUnprocessableContent());
        decide(second, "REJECT", "", "").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Skriv en motivering till avslaget.")));
        assertThat(fx.status(second)).isEqualTo("SUBMITTED");
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("10000");

        decide(second, "GRANT", "10000", null).andExpect(status().isFound());
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("0");
        decide(second, "REJECT", "", "Ångrat").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("är redan beslutad")));
        assertThat(fx.status(second)).isEqualTo("GRANTED");
    }

    @Test
    void aDecisionOnAStaleFormIsAConflict() throws Exception {
        long id = submit("Gammal vy", "10000");
        String stale = version(id);
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/review").with(users.as(secretary)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/dialog-fund/applications/" + id + "/decision").with(users.as(secretary)).with(csrf())
                        .param("outcome", "GRANT").param("amount", "10000").param("version", stale))
                .andExpect(status().isConflict());
        assertThat(fx.status(id)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void twoDecisionsAtOnceNeverOverdrawTheFund() throws Exception {
        long first = submit("Samtidigt ett", "20000");
        long second = submit("Samtidigt två", "20000");
        PortalUser me = users.principal(secretary);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (long id : new long[] {first, second}) {
                long version = fx.version(id);
                results.add(pool.submit(as(me, go, () -> {
                    cases.decide(me, id, new DecisionForm(Outcome.GRANT, new java.math.BigDecimal("20000"), null, version));
                    return "granted";
                })));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("granted", "dialogfund.decision.aboveRemaining");
        } finally {
            pool.shutdownNow();
        }
        assertThat(fx.remaining(fundId)).isEqualByComparingTo("10000");
        assertThat(List.of(fx.status(first), fx.status(second))).containsExactlyInAnyOrder("GRANTED", "SUBMITTED");
        assertThatThrownBy(() -> jdbc.update("update dialog_fund set remaining_amount = -1 where id = ?", fundId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void twoSubmissionsAtOnceGetDifferentReferenceNumbers() throws Exception {
        long first = start();
        long second = start();
        PortalUser me = users.principal(applicant);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> references = new ArrayList<>();
        try {
            List<Future<String>> results = new ArrayList<>();
            for (long id : new long[] {first, second}) {
                var form = formRecord(id);
                results.add(pool.submit(as(me, go, () -> applicants.submit(me, id, form, Locale.of("sv")))));
            }
            go.countDown();
            for (Future<String> f : results) {
                references.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(references).doesNotHaveDuplicates().allMatch(r -> r.matches("DP-\\d{4}-\\d{4}"));
        assertThat(jdbc.queryForList("select reference from dialog_application where id in (?, ?)", String.class,
                first, second)).containsExactlyInAnyOrderElementsOf(references);
    }

    private se.kompetensportal.dialogfund.domain.ApplicationForm formRecord(long id) {
        var lines = new ArrayList<se.kompetensportal.dialogfund.domain.ApplicationForm.BudgetLineForm>();
        lines.add(new se.kompetensportal.dialogfund.domain.ApplicationForm.BudgetLineForm("Lokal",
                new java.math.BigDecimal("12000")));
        var today = DialogFundFixtures.today();
        return new se.kompetensportal.dialogfund.domain.ApplicationForm("Föreningen Parallell", "802479-2213",
                se.kompetensportal.dialogfund.domain.OrganisationType.ASSOCIATION, "Kalmar", "Per Parallell",
                "per@example.se", null, "Parallell " + id, "Beskrivning", "Alla", today.plusDays(5), null, "Kalmar",
                1, 1, 1, 1, null, lines, new java.math.BigDecimal("10000"), fx.version(id));
    }

    /** Runs the work as the user once the latch opens; a refusal on a field is returned as its message key. */
    private static Callable<String> as(PortalUser user, CountDownLatch go, Callable<String> work) {
        return () -> {
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
            try {
                go.await();
                return work.call();
            } catch (FieldRejectedException e) {
                return e.messageKey();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    private org.springframework.test.web.servlet.ResultActions decide(long id, String outcome, String amount,
            String reason) throws Exception {
        var request = post("/admin/dialog-fund/applications/" + id + "/decision").with(users.as(secretary))
                .with(csrf()).param("outcome", outcome).param("amount", amount).param("version", version(id));
        if (reason != null) {
            request.param("reason", reason);
        }
        return mvc.perform(request);
    }

    private void expectRejected(long id, Map<String, String> changes, String message) throws Exception {
        Map<String, String> form = completeForm("Felaktig", "20000");
        form.putAll(changes);
        form.put("version", version(id));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(message)));
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

    private long submit(String title, String amount) throws Exception {
        long id = start();
        Map<String, String> form = completeForm(title, amount);
        form.put("version", version(id));
        mvc.perform(with(post("/dialog-fund/applications/" + id + "/submit"), form).with(users.as(applicant))
                .with(csrf())).andExpect(status().isFound());
        return id;
    }
}
