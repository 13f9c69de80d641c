package se.kompetensportal.indicators;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** IKO's indicators from its plan are seeded with their targets, and a few collaboration projects. */
class IndicatorsDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ikoHasItsPlannedIndicatorsAndTargets() {
        long iko = users.projectId("2016/00175");
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select kind, comparison, target, target_max, period, statement_key, activity_kind, gender
                from indicator where project_id = ? order by position""", iko);
        assertThat(rows).extracting(r -> r.get("kind") + ":" + r.get("comparison") + ":"
                        + ((java.math.BigDecimal) r.get("target")).stripTrailingZeros().toPlainString() + ":" + r.get("period"))
                .contains("UNIQUE_PARTICIPANTS:AT_LEAST:675:WHOLE_PROJECT",
                        "EVALUATION_STATEMENT:SHARE_AT_LEAST:60:WHOLE_PROJECT",
                        "PARTICIPANT_GENDER_SHARE:SHARE_BETWEEN:40:WHOLE_PROJECT",
                        "TRAINER_GENDER_SHARE:SHARE_BETWEEN:40:WHOLE_PROJECT",
                        "ACTIVITIES_HELD:AT_LEAST:2:WHOLE_PROJECT",
                        "COLLABORATION_PROJECTS_CARRIED_OUT:AT_LEAST:3:WHOLE_PROJECT",
                        "DIALOG_FUND_APPLICATIONS:AT_LEAST:10:PER_YEAR",
                        "DIALOG_FUND_GRANTED:AT_LEAST:5:PER_YEAR",
                        "DIALOG_FUND_CARRIED_OUT:AT_LEAST:5:PER_YEAR",
                        "ACTORS_WITH_PLAN:SHARE_AT_LEAST:100:WHOLE_PROJECT");
        assertThat(rows).filteredOn(r -> "EVALUATION_STATEMENT".equals(r.get("kind"))).extracting(r -> r.get("statement_key"))
                .containsExactly("D1_KNOWLEDGE", "D1_METHODS", "D1_DIVERSITY");
        assertThat(rows).filteredOn(r -> "FOLLOW_UP_STATEMENT".equals(r.get("kind"))).extracting(r -> r.get("statement_key"))
                .containsExactly("FU_APPLYING");
        assertThat(rows).filteredOn(r -> "SHARE_BETWEEN".equals(r.get("comparison")))
                .allMatch(r -> ((java.math.BigDecimal) r.get("target_max")).intValue() == 60 && "WOMAN".equals(r.get("gender")));
        assertThat(jdbc.queryForObject("select count(*) from collaboration_project where project_id = ?", Long.class, iko))
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from collaboration_project c where project_id = ? and status = 'CARRIED_OUT'
                and (select count(*) from collaboration_project_partner p where p.collaboration_project_id = c.id) >= 2""",
                Long.class, iko)).isGreaterThanOrEqualTo(1);
    }
}
