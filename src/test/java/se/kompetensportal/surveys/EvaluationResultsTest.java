package se.kompetensportal.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kompetensportal.surveys.domain.Results;
import se.kompetensportal.surveys.domain.ResultsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures on a hand-made fixture dated 2001 (so no other data falls in its period): seven responses to one evaluation,
 * five of them from Kalmar kommun, one from Västerviks kommun, and two typed in from paper.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class EvaluationResultsTest extends SurveyTestBase {

    private static final LocalDate MARCH = LocalDate.of(2001, 3, 1);

    @Autowired
    SurveysApi api;
    @Autowired
    ResultsService results;

    SurveyFixtures.Course course;
    long kalmar;
    long vastervik;

    @BeforeEach
    void handMadeFixture() {
        if (course != null) {
            return;
        }
        kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        vastervik = jdbc.queryForObject("select id from organisation where name = 'Västerviks kommun'", Long.class);
        course = fixtures.course("Resultat", 0);
        long e = course.evaluationId();
        jdbc.update("update evaluation set status = 'CLOSED', sent_at = '2001-03-01T12:00:00Z', closes_on = '2001-03-15' where id = ?", e);
        for (int i = 0; i < 8; i++) {
            long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
            jdbc.update("insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id, answered) values (?, ?, ?, ?, ?)",
                    id, e, 900_000 + i, kalmar, i < 5);
        }
        List<Long> q = jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position", Long.class, e);
        jdbc.update("update survey_question set agree_from = 3 where id = ?", q.get(1));
        int[] knowledge = {5, 4, 4, 3, 2, 5, 1};
        int[] methods = {3, 3, 2, 1, 5, 4, 2};
        Long[] organisation = {kalmar, kalmar, kalmar, kalmar, kalmar, vastervik, null};
        for (int r = 0; r < 7; r++) {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id) values (?, ?, ?, ?, ?)",
                    id, e, r < 6 ? MARCH.plusDays(r) : LocalDate.of(2001, 4, 2), r < 5 ? "WEB" : "PAPER", organisation[r]);
            answer(id, q.get(0), knowledge[r]);
            answer(id, q.get(1), methods[r]);
            if (r < 4) {
                answer(id, q.get(2), 5);
            }
            jdbc.update("insert into evaluation_answer (response_id, question_id, text_value) values (?, ?, ?)", id, q.get(7),
                    "Kommentar nummer " + r);
        }
    }

    private void answer(UUID response, long question, int value) {
        jdbc.update("insert into evaluation_answer (response_id, question_id, int_value) values (?, ?, ?)", response, question, value);
    }

    private StatementResult statement(List<StatementResult> list, String key) {
        return list.stream().filter(s -> s.statementKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void agreementSharesAreComputedExactly() {
        List<StatementResult> year = api.statementResults(ikoId(), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), null);
        assertThat(year).extracting(StatementResult::statementKey).startsWith("D1_KNOWLEDGE", "D1_METHODS", "D1_DIVERSITY");
        assertThat(statement(year, "D1_KNOWLEDGE").answers()).isEqualTo(7);
        assertThat(statement(year, "D1_KNOWLEDGE").agreeing()).isEqualTo(4);
        assertThat(statement(year, "D1_KNOWLEDGE").agreeingPercent()).isEqualTo(100.0 * 4 / 7);
        assertThat(statement(year, "D1_KNOWLEDGE").targetPercent()).isEqualTo(60);
        // This evaluation counts 3–5 as agreeing with the second statement.
        assertThat(statement(year, "D1_METHODS").agreeing()).isEqualTo(4);
        // Four answers: the count is given, agreement is not.
        assertThat(statement(year, "D1_DIVERSITY").answers()).isEqualTo(4);
        assertThat(statement(year, "D1_DIVERSITY").agreeing()).isNull();
        assertThat(statement(year, "D1_DIVERSITY").suppressed()).isTrue();

        List<StatementResult> march = api.statementResults(ikoId(), LocalDate.of(2001, 3, 1), LocalDate.of(2001, 3, 31), null);
        assertThat(statement(march, "D1_KNOWLEDGE").answers()).isEqualTo(6);
        assertThat(statement(march, "D1_KNOWLEDGE").agreeing()).isEqualTo(4);

        List<StatementResult> kalmarOnly = api.statementResults(ikoId(), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), kalmar);
        assertThat(statement(kalmarOnly, "D1_KNOWLEDGE").answers()).isEqualTo(5);
        assertThat(statement(kalmarOnly, "D1_KNOWLEDGE").agreeing()).isEqualTo(3);
        assertThat(statement(kalmarOnly, "D1_METHODS").agreeing()).isEqualTo(3);
        List<StatementResult> vastervikOnly = api.statementResults(ikoId(), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), vastervik);
        assertThat(statement(vastervikOnly, "D1_KNOWLEDGE").answers()).isEqualTo(1);
        assertThat(statement(vastervikOnly, "D1_KNOWLEDGE").agreeing()).isNull();
    }

    @Test
    void totalsCountEvaluationsInvitationsAndWebAndPaperResponses() {
        EvaluationTotals totals = api.totals(ikoId(), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), null);
        assertThat(totals.evaluations()).isEqualTo(1);
        assertThat(totals.invitations()).isEqualTo(8);
        assertThat(totals.webResponses()).isEqualTo(5);
        assertThat(totals.paperResponses()).isEqualTo(2);
        assertThat(totals.responses()).isEqualTo(7);
        assertThat(api.totals(ikoId(), LocalDate.of(2001, 4, 1), LocalDate.of(2001, 4, 30), null).paperResponses()).isEqualTo(1);
    }

    @Test
    void theResultsPageShowsSharesChartsTablesAndHidesSmallBreakdowns() throws Exception {
        mvc.perform(get("/admin/evaluations/" + course.evaluationId() + "/results").with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("57,14 %")))
                .andExpect(content().string(containsString("class=\"survey-chart\"")))
                .andExpect(content().string(containsString("data-values=\"[1,1,1,2,2]\"")))
                .andExpect(content().string(containsString("<caption")))
                .andExpect(content().string(containsString("Kommentar nummer 3")))
                .andExpect(content().string(containsString("Kalmar kommun")))
                .andExpect(content().string(containsString("För få svar")));
        // The breakdown row of Västerviks kommun (one answer) shows no figures.
        Results r = results.results(users.principal("sekreterare@kompetensportal.example"),
                results.scopeOfEvaluation(course.evaluationId()), java.util.Locale.of("sv"));
        Results.BreakdownRow vast = r.byOrganisation().stream().filter(b -> b.label().equals("Västerviks kommun"))
                .findFirst().orElseThrow();
        assertThat(vast.suppressed()).isTrue();
        assertThat(vast.statementPercents()).allMatch(p -> p == null);
        Results.BreakdownRow kal = r.byOrganisation().stream().filter(b -> b.label().equals("Kalmar kommun"))
                .findFirst().orElseThrow();
        assertThat(kal.statementPercents().getFirst()).isEqualTo(60.0);
    }

    @Test
    void fewerThanFiveAnswersShowNeitherFiguresNorTexts() throws Exception {
        SurveyFixtures.Course small = fixtures.course("Liten", 0);
        List<Long> q = jdbc.queryForList("select id from survey_question where evaluation_id = ? order by position",
                Long.class, small.evaluationId());
        for (int r = 0; r < 4; r++) {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into evaluation_response (id, evaluation_id, answered_on, source) values (?, ?, current_date, 'PAPER')",
                    id, small.evaluationId());
            answer(id, q.get(0), 5);
            jdbc.update("insert into evaluation_answer (response_id, question_id, text_value) values (?, ?, ?)", id, q.get(7),
                    "Hemlig kommentar " + r);
        }
        mvc.perform(get("/admin/evaluations/" + small.evaluationId() + "/results").with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("För få svar för att visa")))
                .andExpect(content().string(not(containsString("Hemlig kommentar"))))
                .andExpect(content().string(not(containsString("survey-chart"))));
        mvc.perform(get("/admin/evaluations/" + small.evaluationId() + "/results.pdf").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
        byte[] xlsx = mvc.perform(get("/admin/evaluations/" + small.evaluationId() + "/results.xlsx").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var texts = book.getSheetAt(3);
            assertThat(texts.getLastRowNum()).isZero();
        }
    }

    @Test
    void exportsCarryTheFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/admin/evaluations/" + course.evaluationId() + "/results.xlsx").with(users.demo("styrgrupp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var statements = book.getSheetAt(2);
            assertThat(statements.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(statements.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(statements.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(57.1);
        }
        byte[] pdf = mvc.perform(get("/admin/evaluations/results.pdf").param("projectId", String.valueOf(ikoId()))
                        .param("from", "2001-01-01").param("to", "2001-12-31").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(get("/admin/evaluations/results").param("projectId", String.valueOf(ikoId()))
                        .param("from", "2001-01-01").param("to", "2001-12-31").with(users.demo("styrgrupp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("57,14 %")));
    }
}
