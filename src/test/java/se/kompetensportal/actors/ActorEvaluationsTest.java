package se.kompetensportal.actors;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evaluation results of the organisation's staff, read from {@link SurveysApi} for the contact person's own
 * organisation: shares where enough answered, "too few answers" where not, "no answers yet" when there are none.
 */
class ActorEvaluationsTest extends PortalIntegrationTest {

    @MockitoBean
    SurveysApi surveys;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ActorFixtures fixtures;
    long iko;
    long org;
    String contact;
    String page;

    @BeforeEach
    void anActor() {
        fixtures = new ActorFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions), users);
        iko = fixtures.iko();
        org = fixtures.organisation("Utvärderingskommunen", iko);
        contact = fixtures.contact(org);
        page = "/my-organisation/projects/" + iko + "/evaluations";
    }

    @Test
    void resultsAreShownWhereEnoughAnsweredAndSuppressedWhereNot() throws Exception {
        when(surveys.statementResults(eq(iko), any(), any(), eq(org))).thenReturn(List.of(
                new StatementResult("D1_KNOWLEDGE", "Jag har fått mer kunskap", "I have more knowledge", 8, 6L, 60),
                new StatementResult("D1_METHODS", "Jag har fått nya metoder", "I have new methods", 3, null, 60)));
        when(surveys.totals(eq(iko), any(), any(), eq(org))).thenReturn(new EvaluationTotals(2, 10, 6, 2));

        mvc.perform(get(page).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jag har fått mer kunskap")))
                .andExpect(content().string(containsString("75 %")))
                .andExpect(content().string(containsString("Jag har fått nya metoder")))
                .andExpect(content().string(containsString("För få svar för att visas (färre än 5)")))
                .andExpect(content().string(containsString("8 svar, varav 2 på papper.")))
                .andExpect(content().string(not(containsString("Inga utvärderingssvar"))));
        mvc.perform(get(page + "?lang=en").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("I have more knowledge")))
                .andExpect(content().string(containsString("Too few answers to show (fewer than 5)")));
        verify(surveys, times(2)).statementResults(iko, null, null, org);
    }

    @Test
    void withoutAnswersThePageSaysSo() throws Exception {
        when(surveys.statementResults(anyLong(), any(), any(), any())).thenReturn(List.of());
        when(surveys.totals(anyLong(), any(), any(), any())).thenReturn(new EvaluationTotals(0, 0, 0, 0));
        mvc.perform(get(page).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga utvärderingssvar från er personal ännu.")))
                .andExpect(content().string(not(containsString("statement-results"))));
    }

    @Test
    void thePeriodIsPassedOnAndABackwardsPeriodIsRefused() throws Exception {
        when(surveys.statementResults(anyLong(), any(), any(), any())).thenReturn(List.of());
        when(surveys.totals(anyLong(), any(), any(), any())).thenReturn(new EvaluationTotals(0, 0, 0, 0));
        mvc.perform(get(page).param("from", "2026-01-01").param("to", "2026-06-30").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-01-01\"")));
        verify(surveys).statementResults(iko, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), org);
        mvc.perform(get(page).param("from", "2026-06-30").param("to", "2026-01-01").with(users.as(contact)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Periodens slut ligger före dess början.")));
        mvc.perform(get(page).param("from", "inte-ett-datum").with(users.as(contact)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theOrganisationAskedForIsAlwaysTheContactsOwn() throws Exception {
        when(surveys.statementResults(anyLong(), any(), any(), any())).thenReturn(List.of());
        when(surveys.totals(anyLong(), any(), any(), any())).thenReturn(new EvaluationTotals(0, 0, 0, 0));
        long other = fixtures.organisation("Annan utvärderare", iko);
        mvc.perform(get(page).param("organisationId", Long.toString(other)).with(users.as(contact)))
                .andExpect(status().isOk());
        verify(surveys).statementResults(iko, null, null, org);
        verify(surveys).totals(eq(iko), isNull(), isNull(), eq(org));
    }
}
