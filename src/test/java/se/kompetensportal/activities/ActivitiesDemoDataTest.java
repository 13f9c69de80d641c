package se.kompetensportal.activities;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data: about forty IKO activities in all five tracks and every kind, past and upcoming relative to today,
 * some full, some with several sessions, trainers of both genders; loading it again changes nothing.
 */
class ActivitiesDemoDataTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void ikoHasAboutFortyVariedActivitiesPastAndUpcoming() {
        long iko = users.projectId("2016/00175");
        // The demo's activities, not those the tests add: all demo descriptions end the same way.
        String demo = "project_id = " + iko + " and description like '%kostnadsfri för deltagarna%'";
        assertThat(count("select count(*) from activity where " + demo)).isBetween(38, 48);
        assertThat(count("select count(distinct track_id) from activity where " + demo)).isEqualTo(5);
        // Every kind but the focus group, which Mobilisering Kalmar län (2022/00157) holds with its dialogue meetings.
        assertThat(count("select count(distinct kind) from activity where " + demo)).isEqualTo(ActivityKind.values().length - 1);
        long mobilisering = users.projectId("2022/00157");
        assertThat(count("select count(distinct kind) from activity where project_id = " + mobilisering
                + " and kind in ('FOCUS_GROUP', 'DIALOGUE_MEETING', 'WORKSHOP')")).isEqualTo(3);
        assertThat(count("select count(*) from activity where last_end < now() and " + demo)).isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from activity where first_start > now() and status = 'PUBLISHED' and " + demo))
                .isGreaterThanOrEqualTo(15);
        assertThat(count("select count(*) from activity where status = 'COMPLETED' and " + demo)).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from activity where status = 'CANCELLED' and " + demo)).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from activity where status = 'DRAFT' and " + demo)).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from activity where seats_taken = seats and first_start > now() and " + demo))
                .isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from activity where session_count > 1 and " + demo)).isGreaterThanOrEqualTo(5);
        List<Map<String, Object>> genders = jdbc.queryForList("""
                select t.gender, count(*) from activity_trainer t join activity a on a.id = t.activity_id
                where a.project_id = ? group by t.gender""", iko);
        assertThat(genders).extracting(g -> g.get("gender")).contains("WOMAN", "MAN");
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() throws Exception {
        int before = count("select count(*) from activity");
        ApplicationRunner runner = context.getBeansOfType(ApplicationRunner.class).entrySet().stream()
                .filter(e -> e.getKey().equals("activitiesDemoData")).map(Map.Entry::getValue).findFirst().orElseThrow();
        runner.run(null);
        assertThat(count("select count(*) from activity")).isEqualTo(before);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
