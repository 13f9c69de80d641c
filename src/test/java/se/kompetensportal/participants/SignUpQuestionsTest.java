package se.kompetensportal.participants;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Questions at sign-up: the secretary writes them (sensitive ones only for accessibility, with a purpose), the
 * participant answers them (422 with field messages, nothing typed lost), the list, exports and own-data export show
 * the answers, erasure removes them, and only the project's staff reach the questions.
 */
class SignUpQuestionsTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ParticipantFixtures fixtures;
    long activity;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Frågekurs " + System.nanoTime()).save();
    }

    @Test
    void sensitiveQuestionsNeedAccessibilityAndAPurposeWhichTheFormShows() throws Exception {
        mvc.perform(addQuestion("TEXT", "Har du någon allergi?").param("required", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("verkar gälla känsliga uppgifter")))
                .andExpect(content().string(containsString("value=\"Har du n&aring;gon allergi?\"")));
        mvc.perform(addQuestion("TEXT", "Har du någon allergi?").param("accessibility", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Skriv varför ni frågar")));
        mvc.perform(addQuestion("TEXT", "Has anyone got a religion?"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(addQuestion("CHOICE", "Vilken enhet?").param("optionsSv", "Bara en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("minst två svarsalternativ")));
        mvc.perform(addQuestion("TEXT", "Har du någon allergi?").param("textEn", "Any allergies?")
                        .param("accessibility", "true").param("purposeSv", "Lunchen beställs efter svaren.")
                        .param("purposeEn", "Lunch is ordered from the answers."))
                .andExpect(status().isFound());
        mvc.perform(addQuestion("TEXT", "Vilken enhet arbetar du på?")).andExpect(status().isFound());

        mvc.perform(get("/activities/" + activity + "/sign-up").with(users.demo("deltagare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Har du någon allergi?")))
                .andExpect(content().string(containsString("Lunchen beställs efter svaren.")))
                .andExpect(content().string(containsString("Vilken enhet arbetar du på?")));
        mvc.perform(get("/activities/" + activity + "/sign-up").with(users.demo("deltagare"))
                        .header("Accept-Language", "en").param("lang", "en"))
                .andExpect(content().string(containsString("Lunch is ordered from the answers.")));
    }

    @Test
    void answersAreCheckedKeptOnErrorAndShownStaffAndTheOwnDataExport() throws Exception {
        mvc.perform(addQuestion("CHOICE", "Vilken enhet?").param("optionsSv", "Socialtjänsten\nSkolan")
                .param("optionsEn", "Social services\nSchool").param("required", "true")).andExpect(status().isFound());
        mvc.perform(addQuestion("YES_NO", "Vill du ha intyg på papper?").param("required", "true"))
                .andExpect(status().isFound());
        mvc.perform(addQuestion("TEXT", "Något mer vi bör veta?")).andExpect(status().isFound());
        long unit = question("Vilken enhet?");
        long paper = question("Vill du ha intyg på papper?");
        long more = question("Något mer vi bör veta?");

        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        // A required one missing, an unknown option: 422, each at its question, what was typed kept.
        mvc.perform(signUp(email).param("answers[" + unit + "]", "7").param("answers[" + more + "]", "Kommer med rullator"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj ett av alternativen.")))
                .andExpect(content().string(containsString("Svara på frågan: Vill du ha intyg på papper?")))
                .andExpect(content().string(containsString("Kommer med rullator")))
                .andExpect(content().string(containsString("id=\"answers" + paper + "-error\"")));
        assertThat(jdbc.queryForObject("select count(*) from sign_up where activity_id = ?", Integer.class, activity))
                .isZero();

        mvc.perform(signUp(email).param("answers[" + unit + "]", "1").param("answers[" + paper + "]", "YES")
                        .param("answers[" + more + "]", "Kommer med rullator"))
                .andExpect(status().isFound());
        long signUp = jdbc.queryForObject("select id from sign_up where activity_id = ?", Long.class, activity);
        assertThat(jdbc.queryForList("select answer from sign_up_answer where sign_up_id = ? order by question_id",
                String.class, signUp)).containsExactly("1", "YES", "Kommer med rullator");

        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Vilken enhet?: Skolan")))
                .andExpect(content().string(containsString("Vill du ha intyg på papper?: Ja")));
        byte[] xlsx = mvc.perform(get("/admin/activities/" + activity + "/sign-ups/export.xlsx")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var header = book.getSheetAt(0).getRow(0);
            int last = header.getLastCellNum() - 1;
            assertThat(header.getCell(last - 2).getStringCellValue()).isEqualTo("Vilken enhet?");
            assertThat(book.getSheetAt(0).getRow(1).getCell(last - 2).getStringCellValue()).isEqualTo("Skolan");
            assertThat(book.getSheetAt(0).getRow(1).getCell(last).getStringCellValue()).isEqualTo("Kommer med rullator");
        }
        String csv = mvc.perform(get("/admin/activities/" + activity + "/sign-ups/export.csv")
                .with(users.demo("sekreterare"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(";Vilken enhet?;Vill du ha intyg på papper?;").contains("Skolan;Ja;Kommer med rullator");

        String export = mvc.perform(get("/my/data/export.json").with(users.as(email))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains("\"signUpAnswers\"").contains("Kommer med rullator").contains("Vilken enhet?");

        // Erasing the person erases the answers; removing a question removes its answers.
        long person = jdbc.queryForObject("select person_id from sign_up where id = ?", Long.class, signUp);
        mvc.perform(post("/admin/activities/" + activity + "/sign-up-questions/" + unit + "/delete")
                .with(users.demo("sekreterare")).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from sign_up_answer where sign_up_id = ?", Integer.class, signUp))
                .isEqualTo(2);
        mvc.perform(post("/admin/people/" + person + "/erase").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from sign_up_answer where sign_up_id = ?", Integer.class, signUp))
                .isZero();
    }

    @Test
    void onlyTheProjectsStaffReachTheQuestions() throws Exception {
        mvc.perform(addQuestion("TEXT", "Vilken enhet arbetar du på?")).andExpect(status().isFound());
        long q = question("Vilken enhet arbetar du på?");
        String path = "/admin/activities/" + activity + "/sign-up-questions";
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(get(path).with(users.as(lfiSecretary)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        mvc.perform(post(path).with(users.as(lfiSecretary)).with(csrf()).param("kind", "TEXT").param("textSv", "X"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        mvc.perform(post(path + "/" + q + "/delete").with(users.as(lfiSecretary)).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        for (String role : new String[] {"deltagare", "styrgrupp", "kontakt", "utbildare"}) {
            mvc.perform(get(path).with(users.demo(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        mvc.perform(get(path).with(users.demo("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vilken enhet arbetar du på?")))
                .andExpect(content().string(not(containsString("Aktiviteten ställer inga frågor"))));
        assertThat(jdbc.queryForObject("select count(*) from sign_up_question where id = ?", Integer.class, q)).isOne();
    }

    private MockHttpServletRequestBuilder addQuestion(String kind, String text) {
        return post("/admin/activities/" + activity + "/sign-up-questions").with(users.demo("sekreterare")).with(csrf())
                .param("kind", kind).param("textSv", text);
    }

    private long question(String text) {
        return jdbc.queryForObject("select id from sign_up_question where activity_id = ? and text_sv = ?", Long.class,
                activity, text);
    }

    private MockHttpServletRequestBuilder signUp(String email) {
        return post("/activities/" + activity + "/sign-up").with(users.as(email)).with(csrf())
                .param("firstName", "Fråga").param("lastName", "Svarsson").param("gender", "WOMAN")
                .param("employerName", "Kalmar kommun").param("personalId", ParticipantFixtures.personalId());
    }
}
