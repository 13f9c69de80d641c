package se.kompetensportal.surveys;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import se.kompetensportal.indicators.IndicatorFixtures;
import se.kompetensportal.surveys.domain.SurveyJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recipients of a mapping or ad-hoc survey: people of the project's register by actor, target group or participation
 * (read through the participants module's API), and an uploaded list checked row by row, taken whole or not at all.
 */
class SurveyRecipientsTest extends SurveyKindsTestBase {

    @Autowired
    SurveyJobs surveyJobs;

    private org.springframework.test.web.servlet.RequestBuilder upload(long surveyId, byte[] content) {
        return multipart("/admin/surveys/" + surveyId + "/recipients/list")
                .file(new MockMultipartFile("file", "mottagare.csv", "text/csv", content)).with(admin()).with(csrf());
    }

    private int recipients(long surveyId) {
        return jdbc.queryForObject("select count(*) from evaluation_invitation where evaluation_id = ?", Integer.class,
                surveyId);
    }

    private int contacts(long surveyId) {
        return jdbc.queryForObject("select count(*) from survey_contact where evaluation_id = ?", Integer.class, surveyId);
    }

    @Test
    void peopleOfTheProjectsRegisterAreChosenByActorTargetGroupOrParticipation() throws Exception {
        IndicatorFixtures f = ownProject();
        long course = fixtures.activities().activity("Kurs " + f.shortName).project(f.project).groups("A", "B").save();
        long employed = registered(f, course, f.municipality, null);
        long inGroupB = registered(f, course, f.nonProfit, f.groupB);
        long attended = registered(f, course, null, null);
        f.attend(jdbc.queryForObject("select id from sign_up where person_id = ?", Long.class, attended), 1,
                java.time.LocalDate.now(), 60);
        // Employed by the municipality but never signed up in this project: not in its register.
        long elsewhere = f.person("MAN", f.municipality);
        long id = survey(f.project, "MAPPING", "Register " + f.shortName);

        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "ACTOR")
                .param("chosen", String.valueOf(f.municipality)).with(admin()).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForList("select person_id from evaluation_invitation where evaluation_id = ?", Long.class, id))
                .containsExactly(employed);
        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "TARGET_GROUP")
                .param("chosen", String.valueOf(f.groupB)).with(admin()).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "PARTICIPATION")
                .param("chosen", String.valueOf(course)).with(admin()).with(csrf())).andExpect(status().isFound());
        // Chosen twice (the municipality again): kept once.
        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "ACTOR")
                .param("chosen", String.valueOf(f.municipality)).with(admin()).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForList("select person_id from evaluation_invitation where evaluation_id = ? order by id",
                Long.class, id)).containsExactly(employed, inGroupB, attended).doesNotContain(elsewhere);
        assertThat(jdbc.queryForObject("select target_group_id from evaluation_invitation where person_id = ?", Long.class,
                inGroupB)).isEqualTo(f.groupB);
        // Another project's actor is refused.
        mvc.perform(post("/admin/surveys/" + id + "/recipients/register").param("criterion", "ACTOR")
                .param("chosen", String.valueOf(fixtures.activities().ikoId())).with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/surveys/" + id + "/recipients").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mottagare (3)")));
    }

    @Test
    void aGoodListIsAddedWholeInSemicolonOrCommaFormatUtf8OrWindows1252() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Lista " + f.shortName);
        String csv = "Namn;E-post;Arbetsgivare\n"
                + "Anna Ek;anna.ek-" + f.shortName + "@example.se;" + f.municipalityName + "\n"
                + "\"Berg, Bo\";bo.berg-" + f.shortName + "@example.se;Privat AB\n"
                + "\n"
                + "Cecilia Ås;cecilia-" + f.shortName + "@example.se;\n";
        mvc.perform(upload(id, csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isFound());
        assertThat(contacts(id)).isEqualTo(3);
        assertThat(jdbc.queryForList("""
                select c.name || '|' || coalesce(i.organisation_id::text, '-') from survey_contact c
                join evaluation_invitation i on i.contact_id = c.id where c.evaluation_id = ? order by c.id""", String.class, id))
                .containsExactly("Anna Ek|" + f.municipality, "Berg, Bo|-", "Cecilia Ås|-");
        // Windows-1252 with commas, as an older Excel saves it.
        String windows = "Åsa Öberg,asa-" + f.shortName + "@example.se,Övrigt\n";
        mvc.perform(upload(id, windows.getBytes(Charset.forName("windows-1252")))).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select name from survey_contact where evaluation_id = ? order by id desc limit 1",
                String.class, id)).isEqualTo("Åsa Öberg");
        // Sent: the register's people and the list's contacts get the mapping's invitation.
        long q = addQuestion(id, "FREE_TEXT", "Behov?", Map.of());
        send(id);
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, "anna.ek-" + f.shortName + "@example.se")).isEqualTo("Kartläggning: Lista " + f.shortName);
        assertThat(jdbc.queryForObject("select body_text from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, "anna.ek-" + f.shortName + "@example.se")).startsWith("Hej Anna!").contains("Indikatorprojekt");
        // Once open, a recipient added is invited at once.
        mvc.perform(upload(id, ("Dan Dahl;dan-" + f.shortName + "@example.se;X\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isFound());
        assertThat(mails("dan-" + f.shortName + "@example.se", "surveys.invitation")).isEqualTo(1);
        assertThat(q).isPositive();

        // When the survey closes, the job erases the list's names and addresses; the invitations keep only their actor.
        jdbc.update("update evaluation set closes_on = current_date - 1 where id = ?", id);
        surveyJobs.scheduled();
        assertThat(jdbc.queryForObject("select status from evaluation where id = ?", String.class, id)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList("select coalesce(name, '') || coalesce(email, '') from survey_contact where evaluation_id = ?",
                String.class, id)).allMatch(String::isEmpty);
        assertThat(jdbc.queryForObject("select count(*) from survey_contact where evaluation_id = ? and erased", Integer.class, id))
                .isEqualTo(5);
        mvc.perform(get("/admin/surveys/" + id + "/recipients").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("anna.ek-" + f.shortName))));
    }

    @Test
    void aListWithBadRowsGetsAReportPerRowAndNothingIsAdded() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "AD_HOC", "Fel " + f.shortName);
        mvc.perform(upload(id, ("Först Först;forst-" + f.shortName + "@example.se;A\n").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isFound());
        String csv = "Namn;E-post;Arbetsgivare\n"
                + "Anna;anna-" + f.shortName + "@example.se;A\n"
                + "Bo;inte-en-adress;B\n"
                + "Cilla;anna-" + f.shortName + "@EXAMPLE.se;C\n"
                + "Dan;dan-" + f.shortName + "@example.se\n"
                + ";eva-" + f.shortName + "@example.se;E\n"
                + "Först igen;forst-" + f.shortName + "@example.se;A\n"
                + "Gun;gun-" + f.shortName + "@example.se;" + "x".repeat(201) + "\n";
        mvc.perform(upload(id, csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("har 6 fel")))
                .andExpect(content().string(containsString("Ogiltig e-postadress.")))
                .andExpect(content().string(containsString("Samma e-postadress som på rad 2.")))
                .andExpect(content().string(containsString("Raden har 2 kolumner; den ska ha 3")))
                .andExpect(content().string(containsString("Värdet saknas.")))
                .andExpect(content().string(containsString("Adressen är redan mottagare av enkäten.")))
                .andExpect(content().string(containsString("Högst 200 tecken.")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(containsString("Ingen mottagare har lagts till")));
        assertThat(contacts(id)).isEqualTo(1);
        assertThat(recipients(id)).isEqualTo(1);
        // Not a text file, an empty file, no file.
        mvc.perform(upload(id, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2})).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("inte en textfil")));
        mvc.perform(upload(id, new byte[0])).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("inga mottagare")));
        mvc.perform(multipart("/admin/surveys/" + id + "/recipients/list").with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(contacts(id)).isEqualTo(1);
    }

    @Test
    void aListOfFiveThousandIsTakenAndOneRowMoreIsRefused() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Lång " + f.shortName);
        StringBuilder csv = new StringBuilder("Namn;E-post;Arbetsgivare\n");
        for (int i = 0; i < 5001; i++) {
            csv.append("Person ").append(i).append(";p").append(i).append('-').append(f.shortName)
                    .append("@example.se;").append(i % 2 == 0 ? f.municipalityName : "Annan").append('\n');
        }
        mvc.perform(upload(id, csv.toString().getBytes(StandardCharsets.UTF_8))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("fler än 5")));
        assertThat(contacts(id)).isZero();
        String fiveThousand = csv.substring(0, csv.lastIndexOf("Person 5000;"));
        mvc.perform(upload(id, fiveThousand.getBytes(StandardCharsets.UTF_8))).andExpect(status().isFound());
        assertThat(contacts(id)).isEqualTo(5000);
        assertThat(jdbc.queryForObject("select count(*) from evaluation_invitation where evaluation_id = ? and organisation_id = ?",
                Integer.class, id, f.municipality)).isEqualTo(2500);
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWithoutBeingReadAndNothingIsAdded() throws Exception {
        IndicatorFixtures f = ownProject();
        long id = survey(f.project, "MAPPING", "Stor " + f.shortName);
        byte[] big = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        mvc.perform(upload(id, big)).andExpect(status().isContentTooLarge())
                .andExpect(content().string(containsString("id=\"too-large\"")))
                .andExpect(content().string(containsString("högst 2 MB")));
        assertThat(contacts(id)).isZero();
    }

    @Test
    void aFollowUpTakesItsActivitysAttendeesAndNoChosenRecipients() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Uppföljd", 2);
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(ikoId()))
                        .param("kind", "FOLLOW_UP").param("activityId", String.valueOf(course.activityId()))
                        .param("followUpMonths", "3").with(admin()).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(upload(id, "A;a@example.se;B\n".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/surveys/" + id).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("skickas automatiskt")));
        addQuestion(id, "AGREEMENT_SCALE", "Jag använder det jag lärde mig.", Map.of());
        send(id);
        assertThat(jdbc.queryForList("select person_id from evaluation_invitation where evaluation_id = ? order by person_id",
                Long.class, id)).containsExactlyElementsOf(course.people());
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_message where recipient = ? and category = 'surveys.invitation'
                and subject like 'Uppföljning av%'""", Integer.class, fixtures.email(course.people().getFirst()))).isEqualTo(1);
    }
}
