package se.kompetensportal.actors;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.surveys.SurveysApi;
import se.kompetensportal.surveys.domain.EvaluationService;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evaluation results of the organisation's staff, read from {@link SurveysApi} for the contact person's own
 * organisation: shares where enough answered, "too few answers" where not, "no answers yet" when there are none. The
 * answers are real rows of a course evaluation of IKO (the surveys module's own tables), given to a fresh organisation,
 * so no other test's answers count.
 */
class ActorEvaluationsTest extends PortalIntegrationTest {

    private static final LocalDate ANSWERED = LocalDate.of(2003, 5, 12);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EvaluationService evaluations;

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
        List<Map<String, Object>> statements = answered(org);
        String first = (String) statements.get(0).get("text_sv");
        String second = (String) statements.get(1).get("text_sv");

        mvc.perform(get(page).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString(first)))
                .andExpect(content().string(containsString("75 %")))
                .andExpect(content().string(containsString(second)))
                .andExpect(content().string(containsString("För få svar för att visas (färre än 5)")))
                .andExpect(content().string(containsString("8 svar, varav 2 på papper.")))
                .andExpect(content().string(not(containsString("Inga utvärderingssvar"))));
        mvc.perform(get(page + "?lang=en").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString((String) statements.get(0).get("text_en"))))
                .andExpect(content().string(containsString("Too few answers to show (fewer than 5)")));
    }

    @Test
    void withoutAnswersThePageSaysSo() throws Exception {
        mvc.perform(get(page).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga utvärderingssvar från er personal ännu.")))
                .andExpect(content().string(not(containsString("statement-results"))));
    }

    @Test
    void thePeriodIsPassedOnAndABackwardsPeriodIsRefused() throws Exception {
        answered(org);
        mvc.perform(get(page).param("from", "2003-05-01").param("to", "2003-05-31").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2003-05-01\"")))
                .andExpect(content().string(containsString("8 svar, varav 2 på papper.")));
        // The answers are outside this period: the page counts none.
        mvc.perform(get(page).param("from", "2026-01-01").param("to", "2026-06-30").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-01-01\"")))
                .andExpect(content().string(not(containsString("8 svar"))));
        mvc.perform(get(page).param("from", "2026-06-30").param("to", "2026-01-01").with(users.as(contact)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Periodens slut ligger före dess början.")));
        mvc.perform(get(page).param("from", "inte-ett-datum").with(users.as(contact)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theOrganisationAskedForIsAlwaysTheContactsOwn() throws Exception {
        long other = fixtures.organisation("Annan utvärderare", iko);
        answered(other);
        mvc.perform(get(page).param("organisationId", Long.toString(other)).with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Inga utvärderingssvar från er personal ännu.")))
                .andExpect(content().string(not(containsString("8 svar"))));
    }

    /**
     * Eight answers (six on the web, two on paper) from the organisation's staff to a new IKO course evaluation: six of
     * eight agree with its first statement (75 %), three answered the second (too few to show). Returns the
     * evaluation's statements in order.
     */
    private List<Map<String, Object>> answered(long organisation) {
        long activity = new ActivityFixtures(activityRepository, projects, transactions)
                .activity("Utvärderad " + System.nanoTime()).project(iko).startInDays(-2)
                .status(ActivityStatus.COMPLETED).save();
        long evaluation = evaluations.createFor(activity);
        jdbc.update("""
                update evaluation set status = 'CLOSED', sent_at = '2003-05-01T12:00:00Z', closes_on = '2003-05-20'
                where id = ?""", evaluation);
        List<Map<String, Object>> statements = jdbc.queryForList("""
                select id, text_sv, text_en, agree_from from survey_question
                where evaluation_id = ? and statement_key is not null order by position, id""", evaluation);
        for (int r = 0; r < 8; r++) {
            UUID response = UUID.randomUUID();
            jdbc.update("""
                    insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id)
                    values (?, ?, ?, ?, ?)""", response, evaluation, ANSWERED, r < 6 ? "WEB" : "PAPER", organisation);
            int agree = ((Number) statements.get(0).get("agree_from")).intValue();
            answer(response, (Long) statements.get(0).get("id"), r < 6 ? agree : agree - 1);
            if (r < 3) {
                answer(response, (Long) statements.get(1).get("id"), agree);
            }
        }
        return statements;
    }

    private void answer(UUID response, long question, int value) {
        jdbc.update("insert into evaluation_answer (response_id, question_id, int_value) values (?, ?, ?)", response,
                question, value);
    }
}
