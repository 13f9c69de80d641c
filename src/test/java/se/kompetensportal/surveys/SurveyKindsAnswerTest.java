package se.kompetensportal.surveys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.kompetensportal.indicators.IndicatorFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A mapping with the new question kinds (choose up to N of the project's tracks, a ranking, a matrix on its own scale,
 * the target group), answered through an actor's open link with an access code: bad input per question, anonymity of
 * what is stored, the kind and anonymity rules of the secretary's forms.
 */
class SurveyKindsAnswerTest extends SurveyKindsTestBase {

    record Mapping(IndicatorFixtures f, long id, long tracks, long ranking, long matrix, long group, String token) {
    }

    private Mapping mapping() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Behov " + f.shortName);
        long tracks = addQuestion(id, "CHOOSE_UP_TO", "Vilka spår?", Map.of("optionSource", "TRACK", "maxChoices", "1"));
        long ranking = addQuestion(id, "RANKING", "Rangordna", Map.of("optionsSv", "Ett\nTvå\nTre",
                "optionsEn", "One\nTwo\nThree", "required", "false"));
        long matrix = addQuestion(id, "MATRIX", "Behov av", Map.of("optionsSv", "Kultur\nTolk", "optionsEn", "Culture\nInterpreter",
                "scaleSv", "Lite\nMycket", "scaleEn", "Little\nMuch"));
        long group = addQuestion(id, "SINGLE_CHOICE", "Målgrupp", Map.of("optionSource", "TARGET_GROUP"));
        String token = openLink(id, f.municipality, "hemlig1");
        return new Mapping(f, id, tracks, ranking, matrix, group, token);
    }

    @Test
    void anOpenLinkWorksOnlyWhileTheSurveyIsOpenAndSaysPlainlyItCannotGuaranteeOneAnswerAPerson() throws Exception {
        Mapping m = mapping();
        mvc.perform(get("/surveys/open/" + m.token())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("inte öppen")));
        send(m.id());
        mvc.perform(get("/surveys/open/" + m.token())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"open-link-notice\"")))
                .andExpect(content().string(containsString("Svara bara en gång")))
                .andExpect(content().string(containsString(m.f().municipalityName)))
                .andExpect(content().string(containsString("id=\"accessCode\"")))
                .andExpect(content().string(containsString("Spår ett")))
                .andExpect(content().string(containsString("Grupp B")));
        mvc.perform(get("/admin/surveys/" + m.id()).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("kan inte garantera att varje person svarar en gång")))
                .andExpect(content().string(containsString("/surveys/open/" + m.token())));
        mvc.perform(get("/surveys/open/no-such-token")).andExpect(status().isNotFound());
        jdbc.update("update evaluation set closes_on = current_date - 1 where id = ?", m.id());
        mvc.perform(get("/surveys/open/" + m.token())).andExpect(status().isGone());
    }

    @Test
    void theNewQuestionKindsAreCheckedPerQuestionAndStoredWithoutAnyTraceOfTheRespondent() throws Exception {
        Mapping m = mapping();
        send(m.id());
        Map<String, List<String>> bad = Map.of(
                "q" + m.tracks(), List.of("1", "2"),
                "q" + m.ranking() + "-1", List.of("1"), "q" + m.ranking() + "-2", List.of("1"),
                "q" + m.matrix() + "-1", List.of("2"),
                "q" + m.group(), List.of("2"));
        mvc.perform(openAnswer(m.token(), null, bad)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("Ange koden.")))
                .andExpect(content().string(containsString("Välj högst 1.")))
                .andExpect(content().string(containsString("Varje plats får bara ges en gång.")))
                .andExpect(content().string(containsString("Svara på varje påstående.")));
        mvc.perform(openAnswer(m.token(), "fel", bad)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Koden stämmer inte.")));
        Map<String, List<String>> gap = Map.of("q" + m.tracks(), List.of("1"),
                "q" + m.ranking() + "-1", List.of("1"), "q" + m.ranking() + "-2", List.of("3"),
                "q" + m.matrix() + "-1", List.of("2"), "q" + m.matrix() + "-2", List.of("1"), "q" + m.group(), List.of("2"));
        mvc.perform(openAnswer(m.token(), "HEMLIG1", gap)).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("utan luckor")));
        assertThat(responses(m.id())).isZero();

        Map<String, List<String>> good = Map.of("q" + m.tracks(), List.of("2"),
                "q" + m.ranking() + "-3", List.of("1"), "q" + m.ranking() + "-1", List.of("2"),
                "q" + m.matrix() + "-1", List.of("2"), "q" + m.matrix() + "-2", List.of("1"), "q" + m.group(), List.of("2"));
        mvc.perform(openAnswer(m.token(), "hemlig1", good).header("X-Forwarded-For", "198.51.100.4"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/evaluations/thanks?open=true"));
        // An open link takes any number of answers.
        mvc.perform(openAnswer(m.token(), "hemlig1", good)).andExpect(status().isFound());
        assertThat(responses(m.id())).isEqualTo(2);

        Map<String, Object> response = jdbc.queryForList("select * from evaluation_response where evaluation_id = ?", m.id())
                .getFirst();
        assertThat(response.get("organisation_id")).isEqualTo(m.f().municipality);
        assertThat(response.get("target_group_id")).isEqualTo(m.f().groupB);
        assertThat(response.keySet()).containsExactlyInAnyOrder("id", "evaluation_id", "answered_on", "source",
                "organisation_id", "target_group_id");
        assertThat(jdbc.queryForList("""
                select a.question_id || ':' || coalesce(a.item, 0) || ':' || a.int_value from evaluation_answer a
                where a.response_id = ? order by a.question_id, a.item""", String.class, response.get("id")))
                .containsExactly(m.tracks() + ":0:2", m.ranking() + ":1:3", m.ranking() + ":2:1", m.matrix() + ":1:2",
                        m.matrix() + ":2:1", m.group() + ":0:2");
        assertThat(jdbc.queryForObject("""
                select count(*) from evaluation_response_identity x join evaluation_response r on r.id = x.response_id
                where r.evaluation_id = ?""", Integer.class, m.id())).isZero();
        assertThat(jdbc.queryForList("select * from evaluation_response where evaluation_id = ?", m.id()).toString())
                .doesNotContain("198.51.100.4").doesNotContain(m.token());
    }

    @Test
    void theSecretaryFormsRefuseQuestionsAndSurveysThatDoNotHoldTogether() throws Exception {
        IndicatorFixtures f = ownProject();
        mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project)).param("kind", "MAPPING")
                .param("titleSv", " ").with(admin()).with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange en rubrik.")));
        mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project)).param("kind", "FOLLOW_UP")
                .param("followUpMonths", "6").with(admin()).with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj den aktivitet som ska följas upp.")));
        mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project)).param("kind", "COURSE_EVALUATION")
                .param("titleSv", "X").with(admin()).with(csrf())).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project)).param("kind", "NONSENSE")
                .with(admin()).with(csrf())).andExpect(status().isUnprocessableContent());
        long id = survey(f.project, "AD_HOC", "Frågor " + f.shortName);
        mvc.perform(question(id, "CHOOSE_UP_TO", "Högst", Map.of("optionsSv", "A\nB\nC", "optionsEn", "A\nB\nC",
                "maxChoices", "3"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("1–2")));
        mvc.perform(question(id, "MATRIX", "Matris", Map.of("optionsSv", "Rad", "optionsEn", "Row")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("minst två påståenden")));
        mvc.perform(question(id, "MATRIX", "Matris", Map.of("optionsSv", "R1\nR2", "optionsEn", "R1\nR2",
                "scaleSv", "Låg\nHög", "scaleEn", "Low"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("lika många steg")));
        mvc.perform(question(id, "FREE_TEXT", "Fri", Map.of("optionSource", "TRACK")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(question(id, "SINGLE_CHOICE", "Konstig källa", Map.of("optionSource", "PERSONS")))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from survey_question where evaluation_id = ?", Integer.class, id))
                .isZero();
        // An identified survey takes no open links; a survey with open links cannot become identified.
        openLink(id, null, null);
        long version = jdbc.queryForObject("select version from evaluation where id = ?", Long.class, id);
        mvc.perform(post("/admin/surveys/" + id + "/settings").param("titleSv", "Frågor").param("identified", "true")
                .param("version", String.valueOf(version)).with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("öppna länkar")));
        mvc.perform(post("/admin/surveys/" + id + "/settings").param("titleSv", "Frågor").param("identified", "false")
                .param("version", String.valueOf(version - 1)).with(admin()).with(csrf()))
                .andExpect(status().isConflict());
        // Sending needs questions.
        mvc.perform(post("/admin/surveys/" + id + "/send").with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void anIdentifiedSurveyTellsTheRespondentAndKeepsWhoAnsweredForTheStaffOnly() throws Exception {
        IndicatorFixtures f = ownProject();
        long activity = fixtures.activities().activity("Registerkurs " + f.shortName).project(f.project).groups("A").save();
        long person = registered(f, activity, f.municipality, f.groupA);
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project))
                        .param("kind", "AD_HOC").param("titleSv", "Namngiven " + f.shortName).param("identified", "true")
                        .with(admin()).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long q = addQuestion(id, "FREE_TEXT", "Vad tycker du?", Map.of());
        mvc.perform(post("/admin/surveys/" + id + "/links").with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("inte är anonym kan inte ha öppna länkar")));
        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "ACTOR")
                .param("chosen", String.valueOf(f.municipality)).with(admin()).with(csrf())).andExpect(status().isFound());
        send(id);
        String email = jdbc.queryForObject("select email from person where id = ?", String.class, person);
        assertThat(jdbc.queryForObject("select body_text from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, email)).contains("Dina svar är inte anonyma");
        String link = linkMailedTo(email, "surveys.invitation");
        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"identified-notice\"")))
                .andExpect(content().string(not(containsString("Dina svar är anonyma"))));
        mvc.perform(post(link).with(csrf()).param("q" + q, "Mer tid till reflektion."))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("""
                select i.person_id from evaluation_response_identity x join evaluation_invitation i on i.id = x.invitation_id
                join evaluation_response r on r.id = x.response_id where r.evaluation_id = ?""", Long.class, id))
                .isEqualTo(person);
        mvc.perform(get("/admin/surveys/" + id + "/responses").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString(email)))
                .andExpect(content().string(containsString("Mer tid till reflektion.")));
        mvc.perform(get("/admin/surveys/" + id + "/responses").with(users.demo("styrgrupp")))
                .andExpect(status().isForbidden());
        // The aggregated results stay suppressed under five answers, also for an identified survey.
        mvc.perform(get("/admin/surveys/" + id + "/results").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"suppressed\"")))
                .andExpect(content().string(not(containsString("Mer tid till reflektion."))));
        // An anonymous survey has no such page.
        long anonymous = survey(f.project, "AD_HOC", "Anonym " + f.shortName);
        mvc.perform(get("/admin/surveys/" + anonymous + "/responses").with(admin())).andExpect(status().isNotFound());
    }
}
