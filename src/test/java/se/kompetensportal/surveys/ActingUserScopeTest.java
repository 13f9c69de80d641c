package se.kompetensportal.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.kompetensportal.shared.security.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The services check the acting user their controller passes in: a secretary or steering-group member of another
 * project passes the route rules (the role fits) and is refused by the service on every evaluation, question and
 * template route that no other security test reaches, while the project's own secretary gets through.
 */
class ActingUserScopeTest extends SurveyTestBase {

    @Test
    void anotherProjectsStaffIsRefusedByTheServices() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Annan behörighet", 1);
        long e = course.evaluationId();
        long iko = users.projectId("2016/00175");
        long other = users.projectId("LFI");
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(other));
        String steering = users.create(Set.of(Role.STEERING), null, Set.of(other));
        long question = jdbc.queryForObject("select id from survey_question where evaluation_id = ? order by position limit 1",
                Long.class, e);
        long template = jdbc.queryForObject("""
                select id from evaluation_template where project_id = ? and kind = 'COURSE_EVALUATION' order by id limit 1""",
                Long.class, iko);
        String closesOn = LocalDate.now().plusDays(10).toString();
        List<MockHttpServletRequestBuilder> refused = List.of(
                get("/admin/evaluations/activity/" + course.activityId()),
                get("/admin/evaluations/questions/" + question),
                get("/admin/evaluations/templates?projectId=" + iko),
                get("/admin/evaluations/templates/" + template),
                post("/admin/evaluations/" + e + "/send"),
                post("/admin/evaluations/" + e + "/closing").param("closesOn", closesOn).param("version", "0"),
                post("/admin/surveys/" + e + "/closing").param("closesOn", closesOn).param("version", "0"),
                post("/admin/evaluations/" + e + "/questions").param("kind", "FREE_TEXT").param("textSv", "Intrång"),
                post("/admin/evaluations/questions/" + question).param("kind", "FREE_TEXT").param("textSv", "Intrång"),
                post("/admin/evaluations/questions/" + question + "/delete"),
                post("/admin/evaluations/templates").param("projectId", String.valueOf(iko)).param("name", "Intrång"),
                post("/admin/evaluations/templates/" + template + "/questions").param("kind", "FREE_TEXT")
                        .param("textSv", "Intrång"),
                post("/admin/evaluations/templates/" + template + "/default"));
        for (MockHttpServletRequestBuilder request : refused) {
            mvc.perform(request.with(users.as(secretary)).with(csrf())).andExpect(status().isForbidden());
        }
        for (String page : List.of("/admin/evaluations/" + e + "/results.pdf",
                "/admin/evaluations/results.pdf?projectId=" + iko, "/admin/surveys/demand?projectId=" + iko)) {
            mvc.perform(get(page).with(users.as(steering))).andExpect(status().isForbidden());
        }
        // Nothing was changed by the refused requests, and the project's own secretary reaches the same pages.
        assertQuestionKept(question);
        for (String page : List.of("/admin/evaluations/questions/" + question, "/admin/evaluations/templates/" + template,
                "/admin/evaluations/templates?projectId=" + iko)) {
            mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/evaluations/" + e + "/results.pdf").with(users.demo("styrgrupp")))
                .andExpect(status().isOk());
    }

    private void assertQuestionKept(long question) {
        Integer n = jdbc.queryForObject("select count(*) from survey_question where id = ? and text_sv <> 'Intrång'",
                Integer.class, question);
        org.assertj.core.api.Assertions.assertThat(n).isEqualTo(1);
    }
}
