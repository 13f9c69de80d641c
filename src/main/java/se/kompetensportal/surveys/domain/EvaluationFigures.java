package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

/**
 * The figures other modules (indicators, actors) read, as SQL aggregates over the anonymous responses. Unscoped: the
 * caller decides who may see them; nothing here can name a respondent, and agreement is withheld under five answers.
 */
@Service
@Transactional(readOnly = true)
class EvaluationFigures implements SurveysApi {

    private final NamedParameterJdbcTemplate jdbc;

    EvaluationFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Statement(String key, String textSv, String textEn, int targetPercent) {
    }

    @Override
    public List<StatementResult> statementResults(long projectId, LocalDate from, LocalDate to, Long organisationId) {
        // The statements in the order of the project's default template, then any others its evaluations asked.
        Map<String, Statement> statements = new LinkedHashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource("project", projectId);
        jdbc.query("""
                select q.statement_key, q.text_sv, q.text_en, q.target_percent from survey_question q
                join evaluation_template t on t.id = q.template_id
                where t.project_id = :project and t.is_default and t.kind = 'COURSE_EVALUATION'
                  and q.statement_key is not null order by q.position, q.id""",
                p, rs -> {
                    statements.putIfAbsent(rs.getString(1), new Statement(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getInt(4)));
                });
        jdbc.query("""
                select q.statement_key, q.text_sv, q.text_en, q.target_percent from survey_question q
                join evaluation e on e.id = q.evaluation_id
                where e.project_id = :project and e.kind = 'COURSE_EVALUATION' and q.statement_key is not null
                order by q.position, e.id, q.id""",
                p, rs -> {
                    statements.putIfAbsent(rs.getString(1), new Statement(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getInt(4)));
                });
        String where = new ResultsScope(projectId, null, null, from, to, organisationId).where(p);
        Map<String, long[]> counts = new LinkedHashMap<>();
        // From the project's evaluations to their statement questions and those questions' answers, all by index:
        // the work follows one project's answers, not the size of the whole answer table.
        jdbc.query("""
                select q.statement_key, count(*), count(*) filter (where a.int_value >= q.agree_from)
                from evaluation e join survey_question q on q.evaluation_id = e.id and q.statement_key is not null
                join evaluation_answer a on a.question_id = q.id
                join evaluation_response r on r.id = a.response_id and r.evaluation_id = e.id
                where a.int_value is not null and\s""" + where + " group by q.statement_key",
                p, rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<StatementResult> results = new ArrayList<>();
        for (Statement s : statements.values()) {
            long[] c = counts.getOrDefault(s.key(), new long[] {0, 0});
            results.add(new StatementResult(s.key(), s.textSv(), s.textEn(), c[0],
                    c[0] < MIN_ANSWERS_SHOWN ? null : c[1], s.targetPercent()));
        }
        return results;
    }

    @Override
    public List<StatementResult> followUpResults(long projectId, LocalDate from, LocalDate to, Long trackId) {
        Map<String, Statement> statements = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource("project", projectId).addValue("from", from)
                .addValue("to", to).addValue("track", trackId);
        // The statements the project's follow-ups asked, in question order, and their answers in the period.
        jdbc.query("""
                select q.statement_key, q.text_sv, q.text_en, q.target_percent from survey_question q
                join evaluation e on e.id = q.evaluation_id
                where e.project_id = :project and e.kind = 'FOLLOW_UP' and q.statement_key is not null
                  and (cast(:track as bigint) is null or e.track_id = :track)
                order by q.position, e.id, q.id""",
                p, rs -> {
                    statements.putIfAbsent(rs.getString(1), new Statement(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getInt(4)));
                });
        jdbc.query("""
                select q.statement_key, count(*), count(*) filter (where a.int_value >= q.agree_from)
                from evaluation e join survey_question q on q.evaluation_id = e.id and q.statement_key is not null
                join evaluation_answer a on a.question_id = q.id
                join evaluation_response r on r.id = a.response_id and r.evaluation_id = e.id
                where e.project_id = :project and e.kind = 'FOLLOW_UP' and a.int_value is not null
                  and (cast(:track as bigint) is null or e.track_id = :track)
                  and (cast(:from as date) is null or r.answered_on >= :from)
                  and (cast(:to as date) is null or r.answered_on <= :to)
                group by q.statement_key""",
                p, rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<StatementResult> results = new ArrayList<>();
        for (Statement s : statements.values()) {
            long[] c = counts.getOrDefault(s.key(), new long[] {0, 0});
            results.add(new StatementResult(s.key(), s.textSv(), s.textEn(), c[0],
                    c[0] < MIN_ANSWERS_SHOWN ? null : c[1], s.targetPercent()));
        }
        return results;
    }

    @Override
    public EvaluationTotals totals(long projectId, LocalDate from, LocalDate to, Long organisationId) {
        MapSqlParameterSource p = new MapSqlParameterSource("project", projectId);
        ResultsScope scope = new ResultsScope(projectId, null, null, from, to, organisationId);
        String responses = scope.where(p);
        MapSqlParameterSource ip = new MapSqlParameterSource("project", projectId);
        String invitations = scope.invitationWhere(ip);
        long[] invited = jdbc.queryForObject("select count(distinct e.id), count(*) from evaluation_invitation i "
                + "join evaluation e on e.id = i.evaluation_id where e.status <> 'DRAFT' and " + invitations, ip,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        long[] answered = jdbc.queryForObject("""
                select count(*) filter (where r.source = 'WEB'), count(*) filter (where r.source = 'PAPER')
                from evaluation_response r join evaluation e on e.id = r.evaluation_id where\s""" + responses, p,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        return new EvaluationTotals(invited[0], invited[1], answered[0], answered[1]);
    }
}
