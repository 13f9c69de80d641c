package se.kompetensportal.participants;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every participants page: anonymous visitors go to login, each role that may not use it gets 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantRouteSecurityTest extends PortalIntegrationTest {

    private static final Map<String, String> DEMO = Map.of("ADMIN", "admin", "SECRETARY", "sekreterare",
            "STEERING", "styrgrupp", "ACTOR_CONTACT", "kontakt", "PARTICIPANT", "deltagare", "APPLICANT", "sokande");

    @Autowired
    JdbcTemplate jdbc;

    long activity;
    long session;
    long person;

    @BeforeAll
    void demoIds() {
        activity = jdbc.queryForObject("""
                select a.id from activity a join project p on p.id = a.project_id
                where p.funder_reference = '2016/00175' and a.status = 'COMPLETED' order by a.id limit 1""", Long.class);
        session = jdbc.queryForObject("select min(id) from activity_session where activity_id = ?", Long.class, activity);
        person = jdbc.queryForObject("select min(person_id) from sign_up where activity_id = ?", Long.class, activity);
    }

    static Stream<Arguments> routes() {
        Set<String> staff = Set.of("ADMIN", "SECRETARY");
        return Stream.of(
                Arguments.of("/admin/activities/{a}/sign-ups", staff),
                Arguments.of("/admin/activities/{a}/sign-ups/export.csv", staff),
                Arguments.of("/admin/activities/{a}/sessions/{s}/attendance", staff),
                Arguments.of("/admin/people", staff),
                Arguments.of("/admin/people/{p}", staff),
                Arguments.of("/my/activities", Set.of("PARTICIPANT")),
                Arguments.of("/my/data", Set.of("PARTICIPANT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anonymousVisitorsAreSentToLogin(String route, Set<String> allowed) throws Exception {
        mvc.perform(get(resolve(route))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void onlyTheRolesThatMayUseAPageGetIt(String route, Set<String> allowed) throws Exception {
        for (var role : DEMO.keySet()) {
            mvc.perform(get(resolve(route)).with(users.demo(DEMO.get(role))))
                    .andExpect(allowed.contains(role) ? status().isOk() : status().isForbidden());
        }
    }

    private String resolve(String route) {
        return route.replace("{a}", Long.toString(activity)).replace("{s}", Long.toString(session))
                .replace("{p}", Long.toString(person));
    }
}
