package se.kompetensportal.surveys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.surveys.domain.EvaluationJobs;
import se.kompetensportal.surveys.domain.EvaluationService;

/** Shared set-up of the evaluation tests: fixtures, and the link an invitation mail carries. */
abstract class SurveyTestBase extends PortalIntegrationTest {

    static final Pattern LINK = Pattern.compile("http://localhost:8080(/evaluations/answer/[A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EvaluationService evaluationService;
    @Autowired
    EvaluationJobs jobs;

    SurveyFixtures fixtures;

    @BeforeEach
    void surveyFixtures() {
        fixtures = new SurveyFixtures(jdbc, new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository,
                projects, transactions)), evaluationService);
    }

    /** The path of the newest link mailed to the address in the given category (surveys.invitation or .reminder). */
    String linkMailedTo(String email, String category) {
        String body = jdbc.queryForObject("""
                select body_text from outbox_message where recipient = ? and category = ? order by id desc limit 1""",
                String.class, email, category);
        Matcher m = LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("No evaluation link in " + body);
        }
        return m.group(1);
    }

    int mails(String email, String category) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = ?",
                Integer.class, email, category);
    }

    long ikoId() {
        return fixtures.activities().ikoId();
    }
}
