package se.kompetensportal.surveys.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LFI's competence mapping of its five municipalities with answers, IKO's follow-up template and a follow-up of a
 * completed IKO course answered by enough people for the follow-up indicator; loading again changes nothing.
 */
class SurveyKindsDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SurveyKindsDemoData demo;
    @Autowired
    SurveysApi surveys;

    @Test
    void lfiHasItsMappingAndIkoItsFollowUps() {
        long lfi = users.projectId("LFI");
        long mapping = jdbc.queryForObject("select id from evaluation where project_id = ? and kind = 'MAPPING' and title_sv = ?",
                Long.class, lfi, SurveyKindsDemoData.MAPPING_TITLE);
        assertThat(jdbc.queryForList("select kind from survey_question where evaluation_id = ? order by position",
                String.class, mapping)).containsExactly("CHOOSE_UP_TO", "RANKING", "SINGLE_CHOICE", "MATRIX", "FREE_TEXT");
        assertThat(jdbc.queryForObject("select count(*) from survey_open_link where evaluation_id = ?", Integer.class,
                mapping)).isEqualTo(5);
        assertThat(jdbc.queryForList("""
                select distinct o.name from evaluation_response r join organisation o on o.id = r.organisation_id
                where r.evaluation_id = ?""", String.class, mapping))
                .containsExactlyInAnyOrder("Osby kommun", "Östra Göinge kommun", "Kristianstads kommun", "Hässleholms kommun",
                        "Hörby kommun");
        int answers = jdbc.queryForObject("select count(*) from evaluation_response where evaluation_id = ?", Integer.class,
                mapping);
        assertThat(answers).isEqualTo(60);

        long iko = users.projectId("2016/00175");
        assertThat(jdbc.queryForList("""
                select q.statement_key from survey_question q join evaluation_template t on t.id = q.template_id
                where t.project_id = ? and t.kind = 'FOLLOW_UP' and t.is_default and q.statement_key is not null
                order by q.position""", String.class, iko)).containsExactly("FU_APPLYING", "FU_SHARED");
        List<StatementResult> followUp = surveys.followUpResults(iko, null, null, null);
        assertThat(followUp).extracting(StatementResult::statementKey).containsExactly("FU_APPLYING", "FU_SHARED");
        assertThat(followUp.getFirst().answers()).isGreaterThanOrEqualTo(5);
        assertThat(followUp.getFirst().suppressed()).isFalse();
        assertThat(jdbc.queryForObject("""
                select count(*) from evaluation where project_id = ? and kind = 'FOLLOW_UP' and status <> 'DRAFT'""",
                Integer.class, iko)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from interest_registration where project_id = ?", Integer.class, iko))
                .isPositive();

        demo.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("select count(*) from evaluation_response where evaluation_id = ?", Integer.class,
                mapping)).isEqualTo(answers);
        assertThat(jdbc.queryForObject("select count(*) from evaluation where project_id = ? and title_sv = ?",
                Integer.class, lfi, SurveyKindsDemoData.MAPPING_TITLE)).isEqualTo(1);
    }
}
