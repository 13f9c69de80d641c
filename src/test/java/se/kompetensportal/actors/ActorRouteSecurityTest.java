package se.kompetensportal.actors;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every actor page, for every role: anonymous visitors go to login, the pages of "Min organisation" are for actors'
 * contact persons only, the list of plans for administrators and secretaries; everyone else gets 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActorRouteSecurityTest extends PortalIntegrationTest {

    private static final Map<String, String> DEMO = Map.of("ADMIN", "admin", "SECRETARY", "sekreterare",
            "STEERING", "styrgrupp", "ACTOR_CONTACT", "kontakt", "PARTICIPANT", "deltagare", "APPLICANT", "sokande");

    @Autowired
    JdbcTemplate jdbc;

    long iko;
    long kalmar;

    @BeforeAll
    void demoIds() {
        iko = users.projectId("2016/00175");
        kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
    }

    static Stream<Arguments> routes() {
        Set<String> contact = Set.of("ACTOR_CONTACT");
        // The steering group reads the actors' plans too (issue 17).
        Set<String> staff = Set.of("ADMIN", "SECRETARY", "STEERING");
        return Stream.of(
                Arguments.of("/my-organisation", contact),
                Arguments.of("/my-organisation/projects/{p}/participants", contact),
                Arguments.of("/my-organisation/projects/{p}/hours", contact),
                Arguments.of("/my-organisation/projects/{p}/hours.xlsx", contact),
                Arguments.of("/my-organisation/projects/{p}/evaluations", contact),
                Arguments.of("/my-organisation/projects/{p}/plan", contact),
                Arguments.of("/my-organisation/projects/{p}/plan/document", contact),
                Arguments.of("/admin/actor-plans", staff),
                Arguments.of("/admin/actor-plans/{p}", staff),
                Arguments.of("/admin/actor-plans/{p}/{o}", staff),
                Arguments.of("/admin/actor-plans/{p}/{o}/document", staff));
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

    @Test
    void theProjectAddressLeadsToItsParticipants() throws Exception {
        mvc.perform(get("/my-organisation/projects/" + iko).with(users.demo("kontakt")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/my-organisation/projects/" + iko + "/participants"));
        mvc.perform(get("/my-organisation/projects/" + iko).with(users.demo("deltagare")))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyContactPersonsMayFileAPlan() throws Exception {
        String plan = "/my-organisation/projects/" + iko + "/plan";
        mvc.perform(post(plan).with(csrf()).param("planText", "x")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        for (var role : DEMO.keySet()) {
            if (!role.equals("ACTOR_CONTACT")) {
                mvc.perform(post(plan).with(users.demo(DEMO.get(role))).with(csrf()).param("planText", "x"))
                        .andExpect(status().isForbidden());
            }
        }
        // Without the CSRF token even the contact person is refused.
        mvc.perform(post(plan).with(users.demo("kontakt")).param("planText", "x")).andExpect(status().isForbidden());
    }

    private String resolve(String route) {
        return route.replace("{p}", Long.toString(iko)).replace("{o}", Long.toString(kalmar));
    }
}
