package se.kompetensportal.surveys;

import java.util.List;
import java.util.regex.Matcher;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.surveys.domain.EvaluationJobs;
import se.kompetensportal.surveys.domain.EvaluationService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant answers an evaluation from the link in the invitation mail: errors first, then by keyboard and mouse;
 * the link then says it was used. The secretary follows the response rate and the results. Every page passes axe-core.
 */
class EvaluationJourneyBrowserTest extends BrowserTest {

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
    @Autowired
    EvaluationJobs jobs;

    @Test
    void answerFromTheMailedLinkThenTheSecretarySeesTheResponse() {
        SurveyFixtures fixtures = new SurveyFixtures(jdbc, new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions)), evaluations);
        SurveyFixtures.Course course = fixtures.course("Webbutvärdering", 1);
        jobs.scheduled();
        String body = jdbc.queryForObject("""
                select body_text from outbox_message where recipient = ? and category = 'surveys.invitation'
                order by id desc limit 1""", String.class, fixtures.email(course.people().getFirst()));
        Matcher link = SurveyTestBase.LINK.matcher(body);
        assertThat(link.find()).isTrue();
        List<Long> q = jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position",
                Long.class, course.evaluationId());

        page.navigate(link.group(1));
        assertThat(page.locator("h1")).containsText("Webbutvärdering");
        checkAccessibility();

        // Sending nothing shows the error summary, which links to each unanswered question.
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#error-summary li")).hasCount(6);
        checkAccessibility();
        page.locator("#error-summary a").first().click();

        // By keyboard: focus the first step of the first question and move with the arrow keys.
        page.locator("#q" + q.get(0) + "-1").focus();
        page.keyboard().press("Space");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#q" + q.get(0) + "-4")).isChecked();
        for (int i = 1; i < 6; i++) {
            page.locator("label[for='q" + q.get(i) + "-5']").click();
        }
        page.locator("#q" + q.get(6)).fill("Att ställa öppna frågor.");
        page.locator("label[for='q" + q.get(8) + "-1']").click();
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Tack för dina svar!");
        checkAccessibility();

        page.navigate(link.group(1));
        assertThat(page.locator("h1")).hasText("Du har redan svarat");
        checkAccessibility();

        // The secretary sees the response rate and the evaluation's pages.
        page.context().clearCookies();
        loginAs("sekreterare");
        adminMenu("Kursutvärderingar");
        assertThat(page.locator("h1")).hasText("Kursutvärderingar");
        checkAccessibility();
        page.navigate("/admin/evaluations/" + course.evaluationId());
        assertThat(page.locator("#response-rate")).hasText("100 %");
        checkAccessibility();
        page.navigate("/admin/evaluations/" + course.evaluationId() + "/paper");
        checkAccessibility();
        page.navigate("/admin/evaluations/results?projectId=" + fixtures.activities().ikoId());
        assertThat(page.locator("canvas.survey-chart").first()).isVisible();
        checkAccessibility();
        page.navigate("/admin/evaluations/templates?projectId=" + fixtures.activities().ikoId());
        checkAccessibility();
        page.locator("main table a").first().click();
        assertThat(page.locator("main")).containsText("D1_KNOWLEDGE");
        checkAccessibility();
        // One answer: the activity's own results say too few, and its free text is not shown.
        page.navigate("/admin/evaluations/" + course.evaluationId() + "/results");
        assertThat(page.locator("#suppressed")).isVisible();
        assertThat(page.locator("main")).not().containsText("Att ställa öppna frågor.");
        checkAccessibility();
    }
}
