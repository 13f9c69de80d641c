package se.kompetensportal.activities;

import java.util.List;
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
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every activity route: the staff pages send anonymous visitors to the login page, answer 403 to every role but
 * administrators and secretaries, and 200 to those; the catalogue, activity pages, calendars and printed catalogue are
 * open to everyone; state changes without a CSRF token are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityRouteSecurityTest extends PortalIntegrationTest {

    private static final Map<String, String> DEMO_USER_OF_ROLE = Map.of(
            "ADMIN", "admin", "SECRETARY", "sekreterare", "STEERING", "styrgrupp",
            "ACTOR_CONTACT", "kontakt", "PARTICIPANT", "deltagare", "APPLICANT", "sokande");

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    long activity;
    long project;
    long track;

    @BeforeAll
    void createActivity() {
        ActivityFixtures fixtures = new ActivityFixtures(repository, projects, transactions);
        activity = fixtures.activity("Behörighetstest").sessions(2).save();
        project = fixtures.ikoId();
        track = fixtures.trackId(project, 1);
    }

    static Stream<Arguments> staffRoutes() {
        return Stream.of("/admin/activities", "/admin/activities/new", "/admin/activities/new?projectId={project}",
                        "/admin/activities/{activity}", "/admin/activities/{activity}/edit",
                        "/admin/activities/{activity}/copy", "/admin/activities/{activity}/cancel",
                        "/admin/activities/{activity}/sessions/new", "/admin/activities/{activity}/trainers/new",
                        "/admin/activities/balance", "/admin/activities/balance?projectId={project}",
                "/activities/print.pdf?project={project}")
                .map(Arguments::of);
    }

    static Stream<Arguments> publicRoutes() {
        return Stream.of("/activities", "/activities/archive", "/activities/{activity}-behorighetstest",
                        "/activities/{activity}/calendar.ics", "/activities/calendar/project/{project}.ics",
                        "/activities/calendar/track/{track}.ics", "/activities/print",
                        "/activities/print?project={project}")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffRoutes")
    void anonymousVisitorsAreSentToLogin(String route) throws Exception {
        mvc.perform(get(resolve(route))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffRoutes")
    void onlyAdministratorsAndSecretariesUseTheStaffPages(String route) throws Exception {
        Set<String> allowed = Set.of("ADMIN", "SECRETARY");
        for (String role : List.copyOf(DEMO_USER_OF_ROLE.keySet())) {
            var expected = allowed.contains(role) ? status().isOk() : status().isForbidden();
            mvc.perform(get(resolve(route)).with(users.demo(DEMO_USER_OF_ROLE.get(role)))).andExpect(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicRoutes")
    void everyoneReadsTheCatalogue(String route) throws Exception {
        mvc.perform(get(resolve(route))).andExpect(status().isOk());
        mvc.perform(get(resolve(route)).with(users.demo("deltagare"))).andExpect(status().isOk());
    }

    @Test
    void changesAreForStaffOnlyAndNeedACsrfToken() throws Exception {
        String publish = "/admin/activities/" + activity + "/publish";
        mvc.perform(post(publish).with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post(publish).with(users.demo("deltagare")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(publish).with(users.demo("styrgrupp")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(publish).with(users.demo("sekreterare"))).andExpect(status().isForbidden());
        mvc.perform(post("/activities").with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    private String resolve(String route) {
        return route.replace("{activity}", Long.toString(activity)).replace("{project}", Long.toString(project))
                .replace("{track}", Long.toString(track));
    }
}
