package se.kompetensportal.surveys;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.kompetensportal.indicators.IndicatorFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Invitation and reminder texts per survey, in Swedish and English, with placeholders and a preview. */
class SurveyTextsTest extends SurveyKindsTestBase {

    private MockHttpServletRequestBuilder texts(long id, long version, String invitationBodySv) {
        return post("/admin/surveys/" + id + "/texts").with(admin()).with(csrf())
                .param("invitationSubjectSv", "Hjälp oss planera: {survey}")
                .param("invitationBodySv", invitationBodySv)
                .param("invitationSubjectEn", "Help us plan: {survey}")
                .param("invitationBodyEn", "Dear {name},\n\nplease answer before {closes}.")
                .param("reminderSubjectSv", "Påminnelse: {survey}")
                .param("reminderBodySv", "Hej {name}, svara gärna.")
                .param("reminderSubjectEn", "Reminder: {survey}")
                .param("reminderBodyEn", "Dear {name}, please answer.")
                .param("version", String.valueOf(version));
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from evaluation where id = ?", Long.class, id);
    }

    @Test
    void theSecretaryWritesTextsWithPlaceholdersPreviewsThemAndTheMailsUseThem() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Texter " + f.shortName);
        // The page starts from the portal's texts for the kind.
        mvc.perform(get("/admin/surveys/" + id + "/texts").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("ggning: {survey}")))
                .andExpect(content().string(containsString("{project}")));
        // An unknown placeholder is refused on its field, and nothing is saved.
        mvc.perform(texts(id, version(id), "Hej {namn}!")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Okänd platshållare: {namn}")));
        mvc.perform(texts(id, version(id), "").param("preview", "true")).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from survey_message where evaluation_id = ?", Integer.class, id))
                .isZero();
        // The preview fills the placeholders with sample values and saves nothing.
        mvc.perform(texts(id, version(id), "Hej {name}!\n\nVi på {project} vill veta mer.").param("preview", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andExpect(content().string(containsString("Hej Anna!")))
                .andExpect(content().string(containsString("Hjälp oss planera: Texter " + f.shortName)))
                .andExpect(content().string(containsString("Dear Alex,")));
        assertThat(jdbc.queryForObject("select count(*) from survey_message where evaluation_id = ?", Integer.class, id))
                .isZero();
        mvc.perform(texts(id, version(id), "Hej {name}!\n\nVi på {project} vill veta mer.")).andExpect(status().isFound());
        // Saving again from the same (old) form is a concurrent edit.
        mvc.perform(texts(id, version(id) - 1, "Gammal")).andExpect(status().isConflict());

        String email = "texter-" + f.shortName + "@example.se";
        String englishEmail = "english-" + f.shortName + "@example.se";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/admin/surveys/" + id + "/recipients/list")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "l.csv", "text/csv",
                        ("Tove Text;" + email + ";X\nEd Eng;" + englishEmail + ";Y\n").getBytes()))
                .with(admin()).with(csrf())).andExpect(status().isFound());
        jdbc.update("update survey_contact set locale = 'en' where lower(email) = lower(?)", englishEmail);
        addQuestion(id, "FREE_TEXT", "Vad behöver ni?", Map.of());
        send(id);
        Map<String, Object> mail = jdbc.queryForMap("""
                select subject, body_text, body_html from outbox_message where recipient = ? and category = 'surveys.invitation'""",
                email);
        assertThat(mail.get("subject")).isEqualTo("Hjälp oss planera: Texter " + f.shortName);
        assertThat((String) mail.get("body_text")).startsWith("Hej Tove!").contains("Vi på Indikatorprojekt")
                .contains("/evaluations/answer/").contains("Dina svar är anonyma");
        assertThat((String) mail.get("body_html")).contains("<p style=\"white-space: pre-line\">Hej Tove!</p>");
        Map<String, Object> english = jdbc.queryForMap("""
                select subject, body_text from outbox_message where recipient = ? and category = 'surveys.invitation'""",
                englishEmail);
        assertThat(english.get("subject")).isEqualTo("Help us plan: Texter " + f.shortName + " (en)");
        assertThat((String) english.get("body_text")).startsWith("Dear Ed,").contains("please answer before 20")
                .contains("?lang=en");
        mvc.perform(get("/admin/surveys/" + id + "/texts").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Egna texter")));
        // Back to the portal's own texts.
        mvc.perform(post("/admin/surveys/" + id + "/texts/reset").param("version", String.valueOf(version(id)))
                .with(admin()).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/admin/surveys/" + id + "/texts").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Hjälp oss planera"))));
    }

    @Test
    void aCourseEvaluationWithTextsOfItsOwnIsMailedWithThem() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Egen text", 1);
        mvc.perform(get("/admin/surveys/" + course.evaluationId() + "/texts").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("rdering: {survey}")));
        mvc.perform(texts(course.evaluationId(), version(course.evaluationId()), "Hej {name}! Tack för i går."))
                .andExpect(status().isFound());
        jobs.run();
        String email = fixtures.email(course.people().getFirst());
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, email)).startsWith("Hjälp oss planera: Egen text");
        String link = linkMailedTo(email, "surveys.invitation");
        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("Utvärdering: Egen text")));
    }
}
