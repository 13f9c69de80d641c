package se.kompetensportal.surveys.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** IKO's default template and demo evaluations are there, answered anonymously, and loading again changes nothing. */
class SurveysDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SurveysDemoData demo;

    @Test
    void ikoHasItsDefaultTemplateAndEvaluatedCompletedActivities() {
        long iko = users.projectId("2016/00175");
        assertThat(jdbc.queryForList("""
                select q.statement_key from survey_question q join evaluation_template t on t.id = q.template_id
                where t.project_id = ? and t.is_default and t.kind = 'COURSE_EVALUATION' order by q.position""", String.class, iko))
                .containsExactly("D1_KNOWLEDGE", "D1_METHODS", "D1_DIVERSITY", null, null, null, null, null, null);
        int responses = jdbc.queryForObject("""
                select count(*) from evaluation_response r join evaluation e on e.id = r.evaluation_id where e.project_id = ?""",
                Integer.class, iko);
        assertThat(responses).isPositive();
        int templates = jdbc.queryForObject("select count(*) from evaluation_template", Integer.class);
        demo.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("select count(*) from evaluation_template", Integer.class)).isEqualTo(templates);
        assertThat(jdbc.queryForObject("""
                select count(*) from evaluation_response r join evaluation e on e.id = r.evaluation_id where e.project_id = ?""",
                Integer.class, iko)).isEqualTo(responses);
    }
}
