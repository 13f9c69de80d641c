package se.kompetensportal.surveys;

import java.util.Set;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.security.Role;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every evaluation route per role, and scoping to the user's projects. */
class SurveysRouteSecurityTest extends SurveyTestBase {

    @Test
    void staffPagesAreForAdministratorsAndTheProjectsSecretaries() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Behörighet", 1);
        long e = course.evaluationId();
        long question = jdbc.queryForObject("select id from survey_question where evaluation_id = ? order by position limit 1",
                Long.class, e);
        String[] pages = {"/admin/evaluations", "/admin/evaluations/" + e, "/admin/evaluations/" + e + "/paper",
                "/admin/evaluations/templates", "/admin/evaluations/questions/" + question};
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(page).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("kontakt"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("sokande"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk());
            mvc.perform(get(page).with(users.demo("admin"))).andExpect(status().isOk());
        }
        String ofActivity = "/admin/evaluations/activity/" + course.activityId();
        mvc.perform(get(ofActivity).with(users.demo("sekreterare"))).andExpect(redirectedUrl("/admin/evaluations/" + e));
        mvc.perform(get(ofActivity).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/evaluations/" + e + "/send").with(users.demo("styrgrupp")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/evaluations/" + e + "/send").with(users.demo("sekreterare")))
                .andExpect(status().isForbidden());
    }

    @Test
    void resultsAreAlsoForTheSteeringGroupOfTheProject() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Styrgrupp", 1);
        long e = course.evaluationId();
        String[] pages = {"/admin/evaluations/results?projectId=" + ikoId(), "/admin/evaluations/" + e + "/results",
                "/admin/evaluations/" + e + "/results.xlsx", "/admin/evaluations/" + e + "/results.pdf",
                "/admin/evaluations/results.xlsx?projectId=" + ikoId(), "/admin/evaluations/results.pdf?projectId=" + ikoId()};
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().isFound());
            mvc.perform(get(page).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("kontakt"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("styrgrupp"))).andExpect(status().isOk());
            mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk());
        }
    }

    @Test
    void usersOfAnotherProjectAreRefused() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Annat projekt", 1);
        long e = course.evaluationId();
        long other = users.projectId("LFI");
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(other));
        String steering = users.create(Set.of(Role.STEERING), null, Set.of(other));
        for (String page : new String[] {"/admin/evaluations/" + e, "/admin/evaluations/" + e + "/paper",
                "/admin/evaluations/" + e + "/results", "/admin/evaluations/" + e + "/results.xlsx",
                "/admin/evaluations?projectId=" + ikoId(), "/admin/evaluations/results?projectId=" + ikoId()}) {
            mvc.perform(get(page).with(users.as(secretary))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/evaluations/results?projectId=" + ikoId()).with(users.as(steering)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/evaluations/" + e + "/results").with(users.as(steering))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/evaluations").param("activityId", String.valueOf(course.activityId()))
                .with(users.as(secretary)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/evaluations/" + e + "/paper").param("q1", "1").with(users.as(secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        // Their own project's pages work.
        mvc.perform(get("/admin/evaluations?projectId=" + other).with(users.as(secretary))).andExpect(status().isOk());
    }

    @Test
    void theAnswerFormNeedsNoLogin() throws Exception {
        mvc.perform(get("/evaluations/answer/unknown-token")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken hittades inte")));
        mvc.perform(post("/evaluations/answer/unknown-token").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/evaluations/answer/unknown-token")).andExpect(status().isForbidden());
        mvc.perform(get("/evaluations/thanks")).andExpect(status().isOk());
    }
}
