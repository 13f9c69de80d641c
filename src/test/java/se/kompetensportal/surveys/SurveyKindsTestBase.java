package se.kompetensportal.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.kompetensportal.indicators.IndicatorFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Set-up of the tests of mapping, follow-up and ad-hoc surveys: a project of the test's own (two tracks, target groups
 * A and B, a municipality and a non-profit organisation as actors), and the secretary's steps through the pages.
 */
abstract class SurveyKindsTestBase extends SurveyTestBase {

    IndicatorFixtures ownProject() {
        return new IndicatorFixtures(jdbc, LocalDate.now().minusYears(1), LocalDate.now().plusYears(2), 100);
    }

    RequestPostProcessor admin() {
        return users.demo("admin");
    }

    /** Creates a survey of the kind through the secretary's form; returns its id. */
    long survey(long projectId, String kind, String title) throws Exception {
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(projectId))
                        .param("kind", kind).param("titleSv", title).param("titleEn", title + " (en)")
                        .with(admin()).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A question as the secretary's form posts it. */
    MockHttpServletRequestBuilder question(long surveyId, String kind, String text, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("kind", kind, "textSv", text, "textEn",
                text + " (en)", "required", "true", "agreeFrom", "4", "targetPercent", "60"));
        all.putAll(fields);
        MockHttpServletRequestBuilder request = post("/admin/surveys/" + surveyId + "/questions").with(admin()).with(csrf());
        all.forEach(request::param);
        return request;
    }

    long addQuestion(long surveyId, String kind, String text, Map<String, String> fields) throws Exception {
        mvc.perform(question(surveyId, kind, text, fields)).andExpect(status().isFound());
        return jdbc.queryForObject("select id from survey_question where evaluation_id = ? order by id desc limit 1",
                Long.class, surveyId);
    }

    /** Creates an open link (for an organisation, or anyone) and returns its token. */
    String openLink(long surveyId, Long organisationId, String code) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/surveys/" + surveyId + "/links").with(admin()).with(csrf());
        if (organisationId != null) {
            request.param("organisationId", String.valueOf(organisationId));
        }
        if (code != null) {
            request.param("accessCode", code);
        }
        mvc.perform(request).andExpect(status().isFound());
        return jdbc.queryForObject("select token from survey_open_link where evaluation_id = ? order by id desc limit 1",
                String.class, surveyId);
    }

    void send(long surveyId) throws Exception {
        mvc.perform(post("/admin/surveys/" + surveyId + "/send").with(admin()).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status from evaluation where id = ?", String.class, surveyId))
                .isEqualTo("OPEN");
    }

    /** An answer through an open link: the code (if any) and the fields. */
    MockHttpServletRequestBuilder openAnswer(String token, String code, Map<String, List<String>> fields) {
        MockHttpServletRequestBuilder request = post("/surveys/open/" + token).with(csrf());
        if (code != null) {
            request.param("accessCode", code);
        }
        fields.forEach((k, v) -> request.param(k, v.toArray(String[]::new)));
        return request;
    }

    int responses(long surveyId) {
        return jdbc.queryForObject("select count(*) from evaluation_response where evaluation_id = ?", Integer.class,
                surveyId);
    }

    /** A person of the project's register: employed by the organisation, signed up for the activity. */
    long registered(IndicatorFixtures f, long activity, Long employer, Long targetGroup) {
        long person = f.person("WOMAN", employer);
        f.signUp(person, activity, targetGroup);
        return person;
    }
}
