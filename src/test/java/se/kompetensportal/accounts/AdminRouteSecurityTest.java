package se.kompetensportal.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every back-office page sends anonymous visitors to the login page, answers 403 to each role that may not use it,
 * and 200 to the roles that may.
 */
class AdminRouteSecurityTest extends PortalIntegrationTest {

    private static final Map<String, String> DEMO_USER_OF_ROLE = Map.of(
            "ADMIN", "admin", "SECRETARY", "sekreterare", "STEERING", "styrgrupp",
            "ACTOR_CONTACT", "kontakt", "PARTICIPANT", "deltagare", "APPLICANT", "sokande");

    @Autowired
    JdbcTemplate jdbc;

    /** Route template, and the roles allowed to GET it. {project} and {organisation} are filled with demo ids. */
    static Stream<Arguments> routes() {
        Set<String> staff = Set.of("ADMIN", "SECRETARY");
        return Stream.of(
                Arguments.of("/admin/users", Set.of("ADMIN")),
                Arguments.of("/admin/users/new", Set.of("ADMIN")),
                Arguments.of("/admin/projects", staff),
                Arguments.of("/admin/projects/new", staff),
                Arguments.of("/admin/projects/{project}", staff),
                Arguments.of("/admin/projects/{project}/edit", staff),
                Arguments.of("/admin/projects/{project}/tracks/new", staff),
                Arguments.of("/admin/projects/{project}/target-groups/new", staff),
                Arguments.of("/admin/projects/{project}/actors/new", staff),
                Arguments.of("/admin/projects/{project}/unit-costs/new", staff),
                Arguments.of("/admin/organisations", staff),
                Arguments.of("/admin/organisations/new", staff),
                Arguments.of("/admin/organisations/{organisation}", staff),
                Arguments.of("/admin/organisations/{organisation}/edit", staff),
                Arguments.of("/admin/outbox", staff));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anonymousVisitorsAreSentToLogin(String route, Set<String> allowed) throws Exception {
        mvc.perform(get(resolve(route))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void onlyTheRolesThatMayUseAPageGetIt(String route, Set<String> allowed) throws Exception {
        for (var role : List.copyOf(DEMO_USER_OF_ROLE.keySet())) {
            var expected = allowed.contains(role) ? status().isOk() : status().isForbidden();
            mvc.perform(get(resolve(route)).with(users.demo(DEMO_USER_OF_ROLE.get(role))))
                    .andExpect(expected);
        }
    }

    private String resolve(String route) {
        long project = users.projectId("2016/00175");
        long organisation = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        return route.replace("{project}", Long.toString(project)).replace("{organisation}", Long.toString(organisation));
    }
}
