package se.kompetensportal.surveys;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The secretary's pages: creating evaluations, editing questions, sending, closing dates, paper forms, templates. */
class EvaluationAdminPagesTest extends SurveyTestBase {

    private static MockHttpServletRequestBuilder question(String url, String kind, String optionsSv, String optionsEn) {
        return question(url, kind, optionsSv, optionsEn, "");
    }

    private static MockHttpServletRequestBuilder question(String url, String kind, String optionsSv, String optionsEn,
            String statementKey) {
        return post(url).with(csrf()).param("kind", kind).param("textSv", "Hur hörde du talas om kursen?")
                .param("textEn", "How did you hear about the course?").param("required", "true")
                .param("optionsSv", optionsSv).param("optionsEn", optionsEn).param("statementKey", statementKey)
                .param("agreeFrom", "4").param("targetPercent", "60");
    }

    private int questions(long evaluationId) {
        return jdbc.queryForObject("select count(*) from survey_question where evaluation_id = ?", Integer.class, evaluationId);
    }

    @Test
    void theSecretaryCreatesAnEvaluationFromTheDefaultTemplateAndAddsAQuestion() throws Exception {
        long activity = fixtures.activities().activity("Handskapad " + System.nanoTime()).startInDays(-1).save();
        String location = mvc.perform(post("/admin/evaluations").param("activityId", String.valueOf(activity))
                        .with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long e = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(questions(e)).isEqualTo(9);
        mvc.perform(get(location).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("D1_KNOWLEDGE")));

        mvc.perform(question(location + "/questions", "SINGLE_CHOICE", "Mejl\nWebben", "E-mail").with(users.demo("sekreterare")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange lika många alternativ på engelska")));
        mvc.perform(question(location + "/questions", "SINGLE_CHOICE", "Mejl", "E-mail").with(users.demo("sekreterare")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange minst två svarsalternativ")));
        mvc.perform(question(location + "/questions", "FREE_TEXT", "", "", "D1_X")
                        .with(users.demo("sekreterare")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bara frågor med instämmandeskala")));
        mvc.perform(question(location + "/questions", "SINGLE_CHOICE", "Mejl\nWebben", "E-mail\nWeb")
                        .with(users.demo("sekreterare")))
                .andExpect(status().isFound());
        assertThat(questions(e)).isEqualTo(10);

        // Editing with a stale version is refused with 409.
        long added = jdbc.queryForObject("select id from survey_question where evaluation_id = ? order by position desc limit 1",
                Long.class, e);
        mvc.perform(get("/admin/evaluations/questions/" + added).with(users.demo("sekreterare"))).andExpect(status().isOk());
        mvc.perform(question("/admin/evaluations/questions/" + added, "SINGLE_CHOICE", "A\nB", "A\nB").param("version", "0")
                .with(users.demo("sekreterare"))).andExpect(status().isFound());
        mvc.perform(question("/admin/evaluations/questions/" + added, "SINGLE_CHOICE", "C\nD", "C\nD").param("version", "0")
                .with(users.demo("sekreterare"))).andExpect(status().isConflict());
        mvc.perform(post("/admin/evaluations/questions/" + added + "/delete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(questions(e)).isEqualTo(9);

        // Nobody attended yet: nothing to send.
        mvc.perform(post(location + "/send").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ingen närvaro är registrerad")));
    }

    @Test
    void afterSendingTheQuestionsAreFixedAndTheClosingDateCanBeChanged() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Skickad", 2);
        String page = "/admin/evaluations/" + course.evaluationId();
        mvc.perform(post(page + "/send").with(users.demo("sekreterare")).with(csrf())).andExpect(status().isFound());
        assertThat(mails(fixtures.email(course.people().get(1)), "surveys.invitation")).isEqualTo(1);
        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"response-rate\">0 %")));
        mvc.perform(question(page + "/questions", "SINGLE_CHOICE", "A\nB", "A\nB").with(users.demo("sekreterare")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan skickad")));
        // The project's list shows the invitations and the response rate of every evaluation.
        @SuppressWarnings("unchecked")
        List<se.kompetensportal.surveys.domain.EvaluationService.EvaluationRow> rows =
                (List<se.kompetensportal.surveys.domain.EvaluationService.EvaluationRow>) mvc.perform(
                        get("/admin/evaluations?projectId=" + ikoId()).with(users.demo("sekreterare")))
                        .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("evaluations");
        var row = rows.stream().filter(r -> r.id() == course.evaluationId()).findFirst().orElseThrow();
        assertThat(row.invitations()).isEqualTo(2);
        assertThat(row.answered()).isZero();
        assertThat(row.responsePercent()).isEqualTo(0.0);
        long version = jdbc.queryForObject("select version from evaluation where id = ?", Long.class, course.evaluationId());
        mvc.perform(post(page + "/closing").param("closesOn", LocalDate.now().minusDays(3).toString())
                        .param("version", String.valueOf(version)).with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj en dag från i dag")));
        mvc.perform(post(page + "/closing").param("closesOn", "inte-ett-datum")
                        .param("version", String.valueOf(version)).with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(page + "/closing").param("closesOn", LocalDate.now().plusDays(30).toString())
                        .param("version", String.valueOf(version)).with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select closes_on from evaluation where id = ?", LocalDate.class, course.evaluationId()))
                .isEqualTo(LocalDate.now().plusDays(30));
        mvc.perform(post(page + "/closing").param("closesOn", LocalDate.now().plusDays(20).toString())
                        .param("version", String.valueOf(version)).with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void paperFormsAreCountedLikeWebAnswers() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Papper", 0);
        String page = "/admin/evaluations/" + course.evaluationId() + "/paper";
        List<Long> q = jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position",
                Long.class, course.evaluationId());
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        mvc.perform(get(page).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<fieldset")));
        MockHttpServletRequestBuilder form = post(page).with(users.demo("sekreterare")).with(csrf())
                .param("organisationId", String.valueOf(kalmar));
        for (int i = 0; i < 5; i++) {
            form.param("q" + q.get(i), "5");
        }
        mvc.perform(form).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Svara på frågan.")));
        mvc.perform(form.param("q" + q.get(5), "2")).andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select source, organisation_id from evaluation_response where evaluation_id = ?",
                course.evaluationId())).containsEntry("source", "PAPER").containsEntry("organisation_id", kalmar);
        // With answers stored, the questions can no longer change.
        mvc.perform(question("/admin/evaluations/" + course.evaluationId() + "/questions", "SINGLE_CHOICE", "A\nB", "A\nB")
                .with(users.demo("sekreterare"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("redan svar")));
    }

    @Test
    void templatesAreCreatedEditedAndMadeDefault() throws Exception {
        long lfi = users.projectId("LFI");
        String location = mvc.perform(post("/admin/evaluations/templates").param("projectId", String.valueOf(lfi))
                        .param("name", "LFI-mall " + System.nanoTime()).with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post("/admin/evaluations/templates").param("projectId", String.valueOf(lfi)).param("name", " ")
                .with(users.demo("sekreterare")).with(csrf())).andExpect(status().isUnprocessableContent());
        mvc.perform(question(location + "/questions", "AGREEMENT_SCALE", "", "", "LFI_1")
                .with(users.demo("sekreterare"))).andExpect(status().isFound());
        mvc.perform(question(location + "/questions", "AGREEMENT_SCALE", "", "", "lfi 1")
                .with(users.demo("sekreterare"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Använd bara versaler")));
        mvc.perform(post(location + "/default").with(users.demo("sekreterare")).with(csrf())).andExpect(status().isFound());
        mvc.perform(get(location).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("LFI_1")));
        mvc.perform(get("/admin/evaluations/templates?projectId=" + lfi).with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("LFI-mall")));
        assertThat(jdbc.queryForObject("select count(*) from evaluation_template where project_id = ? and is_default and kind = 'COURSE_EVALUATION'",
                Integer.class, lfi)).isEqualTo(1);
    }
}
