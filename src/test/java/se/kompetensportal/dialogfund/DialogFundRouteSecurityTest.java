package se.kompetensportal.dialogfund;

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
import se.kompetensportal.support.TestUsers;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route of the dialog fund: anonymous visitors are sent to the login page (except on the public pages), each
 * role that may not use a route gets 403, the roles that may get 200. The ids are the demo applicant's applications in
 * IKO's fund of the current year, which the demo steering-group member reviews and the demo secretary handles.
 */
class DialogFundRouteSecurityTest extends PortalIntegrationTest {

    private static final Map<String, String> DEMO_USER_OF_ROLE = Map.of(
            "ADMIN", "admin", "SECRETARY", "sekreterare", "STEERING", "styrgrupp",
            "ACTOR_CONTACT", "kontakt", "PARTICIPANT", "deltagare", "APPLICANT", "sokande");
    private static final Set<String> ALL = DEMO_USER_OF_ROLE.keySet();
    private static final Set<String> STAFF = Set.of("ADMIN", "SECRETARY");

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> publicPages() {
        return Stream.of(Arguments.of("/dialog-fund"), Arguments.of("/dialog-fund/sign-in/sent"));
    }

    /** GET routes and the roles that may use them. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("/dialog-fund/my", Set.of("APPLICANT")),
                Arguments.of("/dialog-fund/applications/{submitted}", Set.of("APPLICANT")),
                Arguments.of("/dialog-fund/applications/{draft}/edit", Set.of("APPLICANT")),
                Arguments.of("/dialog-fund/applications/{granted}/report", Set.of("APPLICANT")),
                Arguments.of("/dialog-fund/attachments/{attachment}", Set.of("APPLICANT", "ADMIN", "SECRETARY", "STEERING")),
                Arguments.of("/dialog-fund/decision-letters/{granted}", Set.of("APPLICANT", "ADMIN", "SECRETARY", "STEERING")),
                Arguments.of("/admin/dialog-fund", STAFF),
                Arguments.of("/admin/dialog-fund/funds/new", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}?status=SUBMITTED", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/edit", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{submitted}", STAFF),
                Arguments.of("/review/dialog-fund", Set.of("STEERING")),
                Arguments.of("/review/dialog-fund?status=SUBMITTED", Set.of("STEERING")),
                Arguments.of("/review/dialog-fund/applications/{submitted}", Set.of("STEERING")));
    }

    /** POST routes and the roles that may use them (the others are refused before anything happens). */
    static Stream<Arguments> actions() {
        Set<String> applicant = Set.of("APPLICANT");
        return Stream.of(
                Arguments.of("/dialog-fund/applications", applicant),
                Arguments.of("/dialog-fund/applications/{draft}", applicant),
                Arguments.of("/dialog-fund/applications/{draft}/submit", applicant),
                Arguments.of("/dialog-fund/applications/{draft}/delete", applicant),
                Arguments.of("/dialog-fund/applications/{draft}/attachments", applicant),
                Arguments.of("/dialog-fund/applications/{submitted}/attachments/{attachment}/delete", applicant),
                Arguments.of("/dialog-fund/applications/{granted}/report", applicant),
                Arguments.of("/dialog-fund/applications/{granted}/report/photos", applicant),
                Arguments.of("/admin/dialog-fund/funds", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/periods", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/periods/1/delete", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/criteria", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/criteria/1/delete", STAFF),
                Arguments.of("/admin/dialog-fund/funds/{fund}/reviewers", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{submitted}/review", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{submitted}/decision", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{granted}/payment", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{granted}/report/approve", STAFF),
                Arguments.of("/admin/dialog-fund/applications/{granted}/report/return", STAFF),
                Arguments.of("/review/dialog-fund/applications/{submitted}", Set.of("STEERING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPages")
    void publicPagesAreOpenToEveryone(String route) throws Exception {
        mvc.perform(get(route)).andExpect(status().isOk());
        for (String role : ALL) {
            mvc.perform(get(route).with(users.demo(DEMO_USER_OF_ROLE.get(role)))).andExpect(status().isOk());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void anonymousVisitorsAreSentToLogin(String route, Set<String> allowed) throws Exception {
        mvc.perform(get(resolve(route))).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void onlyTheRolesThatMayUseAPageGetIt(String route, Set<String> allowed) throws Exception {
        for (String role : List.copyOf(ALL)) {
            var expected = allowed.contains(role) ? status().isOk() : status().isForbidden();
            mvc.perform(get(resolve(route)).with(users.demo(DEMO_USER_OF_ROLE.get(role))))
                    .andExpect(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void actionsAreRefusedToAnonymousVisitorsAndOtherRoles(String route, Set<String> allowed) throws Exception {
        String version = jdbc.queryForObject("select string_agg(id || ':' || version || ':' || status, ',' order by id) "
                + "from dialog_application where fund_id = ?", String.class, fund());
        mvc.perform(post(resolve(route)).with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        for (String role : List.copyOf(ALL)) {
            if (!allowed.contains(role)) {
                mvc.perform(post(resolve(route)).with(csrf()).with(users.demo(DEMO_USER_OF_ROLE.get(role))))
                        .andExpect(status().isForbidden());
            }
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select string_agg(id || ':' || version || ':' || status, ',' order by id) "
                        + "from dialog_application where fund_id = ?", String.class, fund()))
                .isEqualTo(version);
    }

    private long fund() {
        return jdbc.queryForObject("select id from dialog_fund where project_id = ? and year = ?", Long.class,
                users.projectId("2016/00175"), DialogFundFixtures.today().getYear());
    }

    private long demoApplication(String status) {
        return jdbc.queryForObject("""
                select a.id from dialog_application a join app_user u on u.id = a.owner_id
                where u.email = ? and a.fund_id = ? and a.status = ? order by a.id limit 1""",
                Long.class, "sokande" + TestUsers.DEMO_DOMAIN, fund(), status);
    }

    private String resolve(String route) {
        long submitted = demoApplication("SUBMITTED");
        long attachment = jdbc.queryForObject("select id from dialog_attachment where application_id = ? limit 1",
                Long.class, submitted);
        return route.replace("{fund}", Long.toString(fund()))
                .replace("{submitted}", Long.toString(submitted))
                .replace("{draft}", Long.toString(demoApplication("DRAFT")))
                .replace("{granted}", Long.toString(demoApplication("GRANTED")))
                .replace("{attachment}", Long.toString(attachment));
    }
}
