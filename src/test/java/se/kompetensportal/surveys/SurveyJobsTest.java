package se.kompetensportal.surveys;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kompetensportal.surveys.domain.SurveyJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The survey job, run through its scheduled entry point (the method the scheduler calls, under its lock), so that the
 * transaction it needs is proven to be opened: the outbox refuses mail outside one. It sends follow-ups that are due,
 * reminds those who have not answered at most twice, closes surveys and erases expired interest.
 */
class SurveyJobsTest extends SurveyKindsTestBase {

    @Autowired
    SurveyJobs surveyJobs;

    private long followUp(SurveyFixtures.Course course, int months) throws Exception {
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(ikoId()))
                        .param("kind", "FOLLOW_UP").param("activityId", String.valueOf(course.activityId()))
                        .param("followUpMonths", String.valueOf(months)).with(admin()).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        addQuestion(id, "AGREEMENT_SCALE", "Jag använder det jag lärde mig.", Map.of("statementKey", "FU_APPLYING"));
        return id;
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from evaluation where id = ?", String.class, id);
    }

    private int followUpMails(String email, String category) {
        return jdbc.queryForObject("""
                select count(*) from outbox_message where recipient = ? and category = ? and subject like '%Uppföljning%'""",
                Integer.class, email, category);
    }

    @Test
    void aFollowUpIsSentTheConfiguredMonthsAfterTheLastSessionAndRemindedAtMostTwice() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Följs upp", 3);
        long id = followUp(course, 2);
        surveyJobs.scheduled();
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        // Two months and a day later (the activity's sessions moved back).
        jdbc.update("""
                update activity_session set starts_at = starts_at - interval '2 months 1 day',
                    ends_at = ends_at - interval '2 months 1 day' where activity_id = ?""", course.activityId());
        jdbc.update("update activity set first_start = first_start - interval '2 months 1 day', "
                + "last_end = last_end - interval '2 months 1 day' where id = ?", course.activityId());
        surveyJobs.scheduled();
        assertThat(statusOf(id)).isEqualTo("OPEN");
        List<String> emails = course.people().stream().map(fixtures::email).toList();
        assertThat(emails).allMatch(e -> followUpMails(e, "surveys.invitation") == 1);
        surveyJobs.scheduled();
        assertThat(emails).allMatch(e -> followUpMails(e, "surveys.invitation") == 1);

        // One answers; the others are reminded after the interval, twice and no more.
        String link = linkMailedTo(emails.getFirst(), "surveys.invitation");
        long q = jdbc.queryForObject("select id from survey_question where evaluation_id = ?", Long.class, id);
        mvc.perform(post(link).with(csrf()).param("q" + q, "5")).andExpect(status().isFound());
        for (int i = 0; i < 3; i++) {
            jdbc.update("update evaluation set sent_at = sent_at - interval '5 days', "
                    + "last_reminder_at = last_reminder_at - interval '5 days' where id = ?", id);
            surveyJobs.scheduled();
        }
        assertThat(followUpMails(emails.getFirst(), "surveys.reminder")).isZero();
        assertThat(followUpMails(emails.get(1), "surveys.reminder")).isEqualTo(2);
        assertThat(followUpMails(emails.get(2), "surveys.reminder")).isEqualTo(2);

        jdbc.update("update evaluation set closes_on = current_date - 1 where id = ?", id);
        surveyJobs.scheduled();
        assertThat(statusOf(id)).isEqualTo("CLOSED");
    }

    @Test
    void aFollowUpOfACancelledActivityOrWithoutQuestionsIsNotSent() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Inställd uppföljning", 1);
        String location = mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(ikoId()))
                        .param("kind", "FOLLOW_UP").param("activityId", String.valueOf(course.activityId()))
                        .param("followUpMonths", "1").with(admin()).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long noQuestions = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        moveBack(course.activityId(), 40);
        surveyJobs.scheduled();
        assertThat(statusOf(noQuestions)).isEqualTo("DRAFT");
        long withQuestions = followUp(course, 2);
        jdbc.update("update activity set status = 'CANCELLED', cancel_reason = 'Test', cancelled_at = now() where id = ?",
                course.activityId());
        moveBack(course.activityId(), 40);
        surveyJobs.scheduled();
        assertThat(statusOf(withQuestions)).isEqualTo("DRAFT");
    }

    private void moveBack(long activity, int days) {
        jdbc.update("update activity_session set starts_at = starts_at - make_interval(days => ?), "
                + "ends_at = ends_at - make_interval(days => ?) where activity_id = ?", days, days, activity);
        jdbc.update("update activity set first_start = first_start - make_interval(days => ?), "
                + "last_end = last_end - make_interval(days => ?) where id = ?", days, days, activity);
    }

    @Test
    void interestThatWaitedLongerThanTheKeepingPeriodIsErasedButStillCounted() {
        long iko = ikoId();
        jdbc.update("""
                insert into interest_registration (id, project_id, track_id, name, email, registered_on)
                values (nextval('interest_seq'), ?, (select id from track where project_id = ? order by position limit 1),
                        'Gammal Anmälan', 'gammal-anmalan@example.se', current_date - 800)""", iko, iko);
        surveyJobs.scheduled();
        Map<String, Object> row = jdbc.queryForMap(
                "select name, email, erased from interest_registration where registered_on = current_date - 800");
        assertThat(row.get("name")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("erased")).isEqualTo(true);
    }
}
