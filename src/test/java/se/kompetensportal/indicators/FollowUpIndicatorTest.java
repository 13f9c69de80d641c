package se.kompetensportal.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.indicators.domain.Dashboard;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorResult;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.surveys.SurveyFixtures;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The follow-up indicator computed from real follow-up answers: the share of respondents applying what they learned,
 * for the whole project or the follow-ups of one track, withheld under five answers; the track must be the project's.
 */
class FollowUpIndicatorTest extends PortalIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/evaluations/answer/[A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    DashboardService dashboards;

    @Test
    void theShareApplyingWhatTheyLearnedComesFromTheFollowUpsPerTrack() throws Exception {
        IndicatorFixtures f = new IndicatorFixtures(jdbc, LocalDate.now().minusYears(1), LocalDate.now().plusYears(1), 50);
        ParticipantFixtures people = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects,
                transactions));
        SurveyFixtures surveys = new SurveyFixtures(jdbc, people, evaluations);
        long course = surveys.activities().activity("Följd kurs " + f.shortName).project(f.project).track(1).groups("A")
                .startInDays(-1).status(ActivityStatus.COMPLETED).save();
        List<Long> attendees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long person = f.person("WOMAN", f.municipality);
            surveys.attend(course, person);
            attendees.add(person);
        }
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(f.project))
                        .param("kind", "FOLLOW_UP").param("activityId", String.valueOf(course)).param("followUpMonths", "6")
                        .with(users.demo("admin")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long survey = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/surveys/" + survey + "/questions").param("kind", "AGREEMENT_SCALE")
                .param("textSv", "Jag använder det jag lärde mig.").param("textEn", "I use what I learned.")
                .param("required", "true").param("statementKey", "FU_APPLYING").param("agreeFrom", "4")
                .param("targetPercent", "60").with(users.demo("admin")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/surveys/" + survey + "/send").with(users.demo("admin")).with(csrf()))
                .andExpect(status().isFound());
        long question = jdbc.queryForObject("select id from survey_question where evaluation_id = ?", Long.class, survey);
        for (int i = 0; i < attendees.size(); i++) {
            String email = jdbc.queryForObject("select email from person where id = ?", String.class, attendees.get(i));
            Matcher link = LINK.matcher(jdbc.queryForObject("""
                    select body_text from outbox_message where recipient = ? and category = 'surveys.invitation'""",
                    String.class, email));
            assertThat(link.find()).isTrue();
            // Five of six use it (4 or 5), one does not (2).
            mvc.perform(post(link.group(1)).with(csrf()).param("q" + question, i == 0 ? "2" : "4"))
                    .andExpect(status().isFound());
        }

        // The indicator for the whole project and for each track.
        createIndicator(f.project, "Tillämpar, alla spår", null).andExpect(status().isFound());
        createIndicator(f.project, "Tillämpar, spår ett", f.track1).andExpect(status().isFound());
        createIndicator(f.project, "Tillämpar, spår två", f.track2).andExpect(status().isFound());
        createIndicator(f.project, "Fel spår", projects.tracks(users.projectId("LFI")).getFirst().id())
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Spåret hör inte till projektet.")));

        Dashboard d = SurveyFixtures.as(users, "admin@kompetensportal.example",
                () -> dashboards.dashboard(CurrentUser.require(), f.project, null, null, Locale.of("sv")));
        List<IndicatorResult> cards = d.indicators().stream()
                .filter(i -> i.kind() == IndicatorKind.FOLLOW_UP_STATEMENT).toList();
        assertThat(cards).extracting(IndicatorResult::name)
                .containsExactly("Tillämpar, alla spår", "Tillämpar, spår ett", "Tillämpar, spår två");
        assertThat(cards.get(0).current().part()).isEqualTo(5);
        assertThat(cards.get(0).current().whole()).isEqualTo(6);
        assertThat(cards.get(0).current().actual()).isCloseTo(83.3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(cards.get(1).current().actual()).isEqualTo(cards.get(0).current().actual());
        assertThat(cards.get(2).current().actual()).isNull();
        assertThat(cards.get(2).current().noteKey()).isEqualTo("indicator.note.noAnswers");
    }

    private org.springframework.test.web.servlet.ResultActions createIndicator(long project, String name, Long track)
            throws Exception {
        var request = post("/admin/indicators").param("projectId", String.valueOf(project)).param("nameSv", name)
                .param("kind", "FOLLOW_UP_STATEMENT").param("comparison", "SHARE_AT_LEAST").param("target", "60")
                .param("period", "WHOLE_PROJECT").param("statementKey", "FU_APPLYING").param("version", "0")
                .with(users.demo("admin")).with(csrf());
        if (track != null) {
            request.param("trackId", String.valueOf(track));
        }
        return mvc.perform(request);
    }
}
