package se.kompetensportal.surveys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.kompetensportal.surveys.domain.AnswerService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Answering through the mailed link: anonymity of what is stored, one answer per link, and bad input. */
class EvaluationAnswerTest extends SurveyTestBase {

    @Autowired
    AnswerService answers;

    private List<Long> questions(long evaluationId) {
        return jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position", Long.class,
                evaluationId);
    }

    /** A complete, valid answer to IKO's template: every scale 4, a free text, gender 1. */
    private MockHttpServletRequestBuilder fullAnswer(String link, long evaluationId, String text) {
        List<Long> q = questions(evaluationId);
        MockHttpServletRequestBuilder request = post(link).with(csrf());
        for (int i = 0; i < 6; i++) {
            request.param("q" + q.get(i), "4");
        }
        return request.param("q" + q.get(6), text).param("q" + q.get(8), "1");
    }

    private SurveyFixtures.Course sentCourse(int people) {
        SurveyFixtures.Course course = fixtures.course("Svarskurs", people);
        jobs.scheduled();
        assertThat(jdbc.queryForObject("select status from evaluation where id = ?", String.class, course.evaluationId()))
                .isEqualTo("OPEN");
        return course;
    }

    @Test
    void theStoredResponseCarriesNothingThatLinksItToThePerson() throws Exception {
        SurveyFixtures.Course course = sentCourse(1);
        long person = course.people().getFirst();
        String email = fixtures.email(person);
        String link = linkMailedTo(email, "surveys.invitation");
        String token = link.substring(link.lastIndexOf('/') + 1);

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<fieldset")))
                .andExpect(content().string(containsString("<legend")));
        mvc.perform(fullAnswer(link, course.evaluationId(), "Att lyssna mer.").header("X-Forwarded-For", "203.0.113.7"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/evaluations/thanks"));

        // The schema: a response and its answers have exactly these columns, and no time of day.
        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns where table_name = 'evaluation_response'""", String.class))
                .containsExactlyInAnyOrder("id", "evaluation_id", "answered_on", "source", "organisation_id",
                        "target_group_id");
        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns where table_name = 'evaluation_answer'""", String.class))
                .containsExactlyInAnyOrder("response_id", "question_id", "int_value", "number_value", "text_value", "item");
        assertThat(jdbc.queryForList("""
                select data_type from information_schema.columns
                where table_name in ('evaluation_response', 'evaluation_answer')""", String.class))
                .noneMatch(type -> type.contains("timestamp") || type.contains("time "));
        // A course evaluation is never identified: nothing links the response to its invitation.
        assertThat(jdbc.queryForObject("""
                select count(*) from evaluation_response_identity x join evaluation_response r on r.id = x.response_id
                where r.evaluation_id = ?""", Integer.class, course.evaluationId())).isZero();
        // The stored row: a random id, the date, WEB and the employer; nothing equal to the person, token or address.
        Map<String, Object> row = jdbc.queryForMap("select * from evaluation_response where evaluation_id = ?",
                course.evaluationId());
        assertThat(row.get("id")).isInstanceOf(java.util.UUID.class);
        assertThat(row.get("answered_on")).isInstanceOf(java.sql.Date.class);
        assertThat(row.get("source")).isEqualTo("WEB");
        assertThat(row.get("organisation_id")).isEqualTo(jdbc.queryForObject(
                "select employer_organisation_id from person where id = ?", Long.class, person));
        List<Map<String, Object>> stored = jdbc.queryForList("""
                select r.*, a.* from evaluation_response r join evaluation_answer a on a.response_id = r.id
                where r.evaluation_id = ?""", course.evaluationId());
        for (Map<String, Object> r : stored) {
            for (Object value : r.values()) {
                String text = String.valueOf(value);
                assertThat(text).doesNotContain(email).doesNotContain(token).doesNotContain("203.0.113.7")
                        .isNotEqualTo(String.valueOf(person));
            }
        }
        // The invitation keeps only that it was answered; its link is kept only as a hash.
        assertThat(jdbc.queryForObject("select answered from evaluation_invitation where evaluation_id = ?", Boolean.class,
                course.evaluationId())).isTrue();
        assertThat(jdbc.queryForList("""
                select l.token_hash from evaluation_link l join evaluation_invitation i on i.id = l.invitation_id
                where i.evaluation_id = ?""", String.class, course.evaluationId())).allMatch(h -> !h.contains(token)
                && h.length() == 64);
        assertThat(jdbc.queryForList("""
                select column_name from information_schema.columns where table_name = 'evaluation_invitation'""", String.class))
                .doesNotContain("answered_at", "token", "email");
    }

    @Test
    void aLinkWorksOnceAndThenSaysItWasUsed() throws Exception {
        SurveyFixtures.Course course = sentCourse(1);
        String link = linkMailedTo(fixtures.email(course.people().getFirst()), "surveys.invitation");
        mvc.perform(fullAnswer(link, course.evaluationId(), "")).andExpect(status().isFound());
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Du har redan svarat")));
        mvc.perform(fullAnswer(link, course.evaluationId(), "Igen")).andExpect(status().isGone())
                .andExpect(content().string(containsString("Du har redan svarat")));
        assertThat(responses(course.evaluationId())).isEqualTo(1);
    }

    @Test
    void twoSubmitsAtTheSameMomentStoreOneResponse() throws Exception {
        SurveyFixtures.Course course = sentCourse(1);
        String link = linkMailedTo(fixtures.email(course.people().getFirst()), "surveys.invitation");
        String token = link.substring(link.lastIndexOf('/') + 1);
        List<Long> q = questions(course.evaluationId());
        Map<String, List<String>> form = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            form.put("q" + q.get(i), List.of("5"));
        }
        {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = List.of(pool.submit(() -> submit(start, token, form)),
                        pool.submit(() -> submit(start, token, form)));
                start.countDown();
                Set<String> outcomes = new java.util.HashSet<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsExactlyInAnyOrder("stored", "answered");
            } finally {
                pool.shutdown();
            }
        }
        assertThat(responses(course.evaluationId())).isEqualTo(1);
    }

    private String submit(CountDownLatch start, String token, Map<String, List<String>> form) throws InterruptedException {
        start.await();
        try {
            return answers.submit(token, form).valid() ? "stored" : "invalid";
        } catch (AnswerService.LinkProblem e) {
            return e.reason();
        }
    }

    @Test
    void unknownAndClosedLinksGetTheirOwnPages() throws Exception {
        mvc.perform(get("/evaluations/answer/not-a-real-token")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken hittades inte")));
        SurveyFixtures.Course course = sentCourse(1);
        String link = linkMailedTo(fixtures.email(course.people().getFirst()), "surveys.invitation");
        jdbc.update("update evaluation set closes_on = current_date - 1 where id = ?", course.evaluationId());
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Utvärderingen är stängd")));
        mvc.perform(fullAnswer(link, course.evaluationId(), "")).andExpect(status().isGone());
        assertThat(responses(course.evaluationId())).isZero();
    }

    @Test
    void missingAnswersOutOfScaleValuesAndLongTextsAreRefusedWithMessagesPerQuestion() throws Exception {
        SurveyFixtures.Course course = sentCourse(1);
        String link = linkMailedTo(fixtures.email(course.people().getFirst()), "surveys.invitation");
        List<Long> q = questions(course.evaluationId());

        mvc.perform(post(link).with(csrf()).param("q" + q.get(0), "4"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("id=\"q" + q.get(1) + "-error\"")))
                .andExpect(content().string(containsString("Svara på frågan.")));
        mvc.perform(fullAnswer(link, course.evaluationId(), "").param("q" + q.get(0), "7"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj bara ett alternativ.")));
        MockHttpServletRequestBuilder outside = post(link).with(csrf());
        for (int i = 0; i < 6; i++) {
            outside.param("q" + q.get(i), i == 2 ? "6" : "3");
        }
        mvc.perform(outside).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj ett av alternativen 1–5.")));
        mvc.perform(fullAnswer(link, course.evaluationId(), "x".repeat(4001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("högst 4000 tecken")));
        assertThat(responses(course.evaluationId())).isZero();
        // The link still works after a refused submit.
        mvc.perform(fullAnswer(link, course.evaluationId(), "x".repeat(4000))).andExpect(status().isFound());
        assertThat(responses(course.evaluationId())).isEqualTo(1);
    }

    private int responses(long evaluationId) {
        return jdbc.queryForObject("select count(*) from evaluation_response where evaluation_id = ?", Integer.class,
                evaluationId);
    }
}
