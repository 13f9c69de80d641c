package se.kompetensportal.surveys;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.support.TestClock;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creation on completion, invitations after the last session (received by GreenMail), reminders and closing. */
class EvaluationInvitationsTest extends SurveyTestBase {

    @Autowired
    OutboxSender sender;
    @Autowired
    TestClock clock;

    @Test
    void completingAnActivityCreatesItsEvaluationFromTheDefaultTemplate() throws Exception {
        long activity = fixtures.activities().activity("Slutförd " + System.nanoTime()).startInDays(-1).save();
        mvc.perform(post("/admin/activities/" + activity + "/complete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from evaluation where activity_id = ? and kind = 'COURSE_EVALUATION'", Integer.class,
                activity) == 1);
        assertThat(jdbc.queryForList("""
                select q.statement_key from survey_question q join evaluation e on e.id = q.evaluation_id
                where e.activity_id = ? and e.kind = 'COURSE_EVALUATION' and q.statement_key is not null
                order by q.position""", String.class, activity))
                .containsExactly("D1_KNOWLEDGE", "D1_METHODS", "D1_DIVERSITY");
        // IKO has a default follow-up template (six months after): the activity got its follow-up too, as a draft.
        assertThat(jdbc.queryForList("""
                select e.status || ':' || e.follow_up_months || ':' || q.statement_key from evaluation e
                join survey_question q on q.evaluation_id = e.id
                where e.activity_id = ? and e.kind = 'FOLLOW_UP' and q.statement_key is not null order by q.position""",
                String.class, activity)).containsExactly("DRAFT:6:FU_APPLYING", "DRAFT:6:FU_SHARED");
    }

    @Test
    void invitationsGoOnlyToThoseWhoAttendedAndCarryALinkThatOpensTheForm() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Inbjudan", 2);
        long absent = new se.kompetensportal.participants.ParticipantFixtures(jdbc, fixtures.activities())
                .person("Frånvarande", se.kompetensportal.participants.Gender.MAN);
        jobs.scheduled();
        sender.scheduledRun();
        String email = fixtures.email(course.people().getFirst());
        MimeMessage mail = received(email);
        assertThat(mail.getSubject()).startsWith("Utvärdering: Inbjudan");
        String text = TestMailText.of(mail);
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        mvc.perform(get(link.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jag har fått nya metoder")));
        assertThat(mails(fixtures.email(course.people().get(1)), "surveys.invitation")).isEqualTo(1);
        assertThat(mails(fixtures.email(absent), "surveys.invitation")).isZero();
        // An English-speaking participant gets the mail, and the form, in English.
        SurveyFixtures.Course english = fixtures.course("Engelsk", 1);
        jdbc.update("update person set locale = 'en' where id = ?", english.people().getFirst());
        jobs.scheduled();
        String englishEmail = fixtures.email(english.people().getFirst());
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, englishEmail)).startsWith("Evaluation: Engelsk");
        String englishLink = jdbc.queryForObject("select body_text from outbox_message where recipient = ? and category = 'surveys.invitation'",
                String.class, englishEmail).replaceAll("(?s).*http://localhost:8080(/evaluations/answer/\\S+).*", "$1");
        assertThat(englishLink).endsWith("?lang=en");
        mvc.perform(get(englishLink)).andExpect(status().isOk())
                .andExpect(content().string(containsString("I have got new methods")))
                .andExpect(content().string(containsString("Strongly agree")));
        // Running the job again sends nothing new.
        jobs.scheduled();
        assertThat(mails(email, "surveys.invitation")).isEqualTo(1);
    }

    @Test
    void theJobSendsADraftTwoHoursAfterTheLastSessionAndRemindsFourDaysLater() {
        long activity = fixtures.activities().activity("Pågående " + System.nanoTime()).startInDays(1)
                .status(ActivityStatus.PUBLISHED).save();
        long attended = person("Tidig");
        long answers = person("Svarar");
        fixtures.attend(activity, attended);
        fixtures.attend(activity, answers);
        long evaluation = evaluationService.createFor(activity);

        jobs.scheduled();
        assertThat(evaluationStatus(evaluation)).as("before the course").isEqualTo("DRAFT");
        // Tomorrow 16:00 the course ends; the job sends two hours later.
        clock.advance(Duration.between(java.time.Instant.now(), lastEnd(activity).plus(Duration.ofMinutes(90))));
        jobs.scheduled();
        assertThat(evaluationStatus(evaluation)).as("an hour and a half after the end").isEqualTo("DRAFT");
        clock.advance(Duration.ofMinutes(31));
        jobs.scheduled();
        assertThat(evaluationStatus(evaluation)).isEqualTo("OPEN");
        assertThat(mails(fixtures.email(attended), "surveys.invitation")).isEqualTo(1);
        assertThat(invited(evaluation)).isEqualTo(2);

        jdbc.update("update evaluation_invitation set answered = true where evaluation_id = ? and person_id = ?",
                evaluation, answers);
        clock.advance(Duration.ofDays(3));
        jobs.scheduled();
        assertThat(mails(fixtures.email(attended), "surveys.reminder")).as("three days on").isZero();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        jobs.scheduled();
        jobs.scheduled();
        assertThat(mails(fixtures.email(attended), "surveys.reminder")).as("four days on, once").isEqualTo(1);
        assertThat(mails(fixtures.email(answers), "surveys.reminder")).as("answered").isZero();
    }

    /**
     * Whoever is recorded as invited has their mail in the outbox, and the other way round: an evaluation whose
     * invitations cannot all be queued stays a draft with nobody invited, and goes out whole on the next run.
     */
    @Test
    void anAttendeeIsRecordedAsInvitedOnlyTogetherWithTheirMail() {
        SurveyFixtures.Course course = fixtures.course("Allt eller inget", 3);
        String blocked = fixtures.email(course.people().get(1));
        jdbc.execute("""
                create or replace function test_refuse_mail() returns trigger language plpgsql as $$
                begin raise exception 'outbox refuses %', new.recipient; end $$""");
        jdbc.execute("create trigger test_refuse_mail before insert on outbox_message for each row when (new.recipient = '"
                + blocked + "') execute function test_refuse_mail()");
        try {
            jobs.scheduled();
            assertThat(evaluationStatus(course.evaluationId())).isEqualTo("DRAFT");
            assertThat(invited(course.evaluationId())).as("nobody recorded as invited").isZero();
            assertThat(mails(fixtures.email(course.people().getFirst()), "surveys.invitation")).isZero();
        } finally {
            jdbc.execute("drop trigger test_refuse_mail on outbox_message");
        }
        jobs.scheduled();
        assertThat(evaluationStatus(course.evaluationId())).isEqualTo("OPEN");
        assertThat(invited(course.evaluationId())).isEqualTo(3);
        for (long person : course.people()) {
            assertThat(mails(fixtures.email(person), "surveys.invitation")).isEqualTo(1);
        }
    }

    private long person(String name) {
        return new se.kompetensportal.participants.ParticipantFixtures(jdbc, fixtures.activities())
                .person(name, se.kompetensportal.participants.Gender.WOMAN);
    }

    private String evaluationStatus(long evaluation) {
        return jdbc.queryForObject("select status from evaluation where id = ?", String.class, evaluation);
    }

    private int invited(long evaluation) {
        return jdbc.queryForObject("select count(*) from evaluation_invitation where evaluation_id = ?", Integer.class,
                evaluation);
    }

    private java.time.Instant lastEnd(long activity) {
        return jdbc.queryForObject("select max(ends_at) from activity_session where activity_id = ?",
                java.sql.Timestamp.class, activity).toInstant();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void remindersGoOnlyToThoseWhoHaveNotAnsweredAtMostTwice() throws Exception {
        SurveyFixtures.Course course = fixtures.course("Påminnelse", 3);
        jobs.scheduled();
        String answerer = fixtures.email(course.people().get(0));
        String link = linkMailedTo(answerer, "surveys.invitation");
        List<Long> q = jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position",
                Long.class, course.evaluationId());
        var answer = post(link).with(csrf());
        for (int i = 0; i < 6; i++) {
            answer.param("q" + q.get(i), "5");
        }
        mvc.perform(answer).andExpect(status().isFound());

        jobs.scheduled();
        assertThat(mails(fixtures.email(course.people().get(1)), "surveys.reminder")).isZero();
        jdbc.update("update evaluation set sent_at = sent_at - interval '5 days' where id = ?", course.evaluationId());
        jobs.scheduled();
        assertThat(mails(answerer, "surveys.reminder")).isZero();
        assertThat(mails(fixtures.email(course.people().get(1)), "surveys.reminder")).isEqualTo(1);
        assertThat(mails(fixtures.email(course.people().get(2)), "surveys.reminder")).isEqualTo(1);
        // The reminder's link works, and so does the first one.
        String reminded = fixtures.email(course.people().get(1));
        mvc.perform(get(linkMailedTo(reminded, "surveys.reminder"))).andExpect(status().isOk());
        mvc.perform(get(linkMailedTo(reminded, "surveys.invitation"))).andExpect(status().isOk());

        jdbc.update("update evaluation set last_reminder_at = last_reminder_at - interval '5 days' where id = ?", course.evaluationId());
        jobs.scheduled();
        jdbc.update("update evaluation set last_reminder_at = last_reminder_at - interval '5 days' where id = ?", course.evaluationId());
        jobs.scheduled();
        assertThat(mails(fixtures.email(course.people().get(2)), "surveys.reminder")).isEqualTo(2);
        assertThat(mails(answerer, "surveys.reminder")).isZero();

        jdbc.update("update evaluation set closes_on = current_date - 1 where id = ?", course.evaluationId());
        jobs.scheduled();
        assertThat(jdbc.queryForObject("select status from evaluation where id = ?", String.class, course.evaluationId()))
                .isEqualTo("CLOSED");
    }

    private static MimeMessage received(String to) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(TestMail.server().getReceivedMessages())
                .anyMatch(m -> TestMailText.recipient(m).equals(to)));
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> TestMailText.recipient(m).equals(to))
                .findFirst().orElseThrow();
    }
}
