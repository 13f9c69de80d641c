package se.kompetensportal.surveys.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import se.kompetensportal.shared.web.ConcurrentEditException;

/**
 * The questions of templates and evaluations (one table for both: an evaluation's questions are copies). Edits check
 * the row's version, so a question changed by someone else since the form was opened is not overwritten.
 */
@Repository
class QuestionStore {

    static final String COLUMNS = """
            id, position, kind, text_sv, text_en, required, options_sv, options_en, statement_key, agree_from,
            target_percent, version, max_choices, scale_sv, scale_en, option_source, option_ids""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    QuestionStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    List<Question> ofTemplate(long templateId) {
        return jdbc.query("select " + COLUMNS + " from survey_question where template_id = ? order by position, id",
                QuestionStore::map, templateId);
    }

    List<Question> ofEvaluation(long evaluationId) {
        return jdbc.query("select " + COLUMNS + " from survey_question where evaluation_id = ? order by position, id",
                QuestionStore::map, evaluationId);
    }

    /** The questions of several evaluations, by evaluation, each list in order. */
    Map<Long, List<Question>> ofEvaluations(Collection<Long> evaluationIds) {
        Map<Long, List<Question>> byEvaluation = new java.util.LinkedHashMap<>();
        if (evaluationIds.isEmpty()) {
            return byEvaluation;
        }
        named.query("select evaluation_id, " + COLUMNS + " from survey_question where evaluation_id in (:ids) "
                + "order by evaluation_id, position, id", Map.of("ids", evaluationIds), rs -> {
                    byEvaluation.computeIfAbsent(rs.getLong("evaluation_id"), k -> new java.util.ArrayList<>())
                            .add(map(rs, 0));
                });
        return byEvaluation;
    }

    /** A question and the template or evaluation that owns it: [templateId, evaluationId], one of them null. */
    Optional<Owned> find(long questionId) {
        return jdbc.query("select template_id, evaluation_id, " + COLUMNS + " from survey_question where id = ?",
                (rs, i) -> new Owned((Long) rs.getObject("template_id"), (Long) rs.getObject("evaluation_id"), map(rs, i)),
                questionId).stream().findFirst();
    }

    record Owned(Long templateId, Long evaluationId, Question question) {
    }

    long nextId() {
        return jdbc.queryForObject("select nextval('survey_seq')", Long.class);
    }

    int nextPosition(Long templateId, Long evaluationId) {
        return jdbc.queryForObject("""
                select coalesce(max(position), 0) + 1 from survey_question
                where template_id is not distinct from ? and evaluation_id is not distinct from ?""", Integer.class,
                templateId, evaluationId);
    }

    long insert(Long templateId, Long evaluationId, Question q) {
        long id = nextId();
        jdbc.update("""
                insert into survey_question (id, template_id, evaluation_id, position, kind, text_sv, text_en, required,
                    options_sv, options_en, statement_key, agree_from, target_percent, max_choices, scale_sv, scale_en,
                    option_source, option_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, templateId, evaluationId, q.position(),
                q.kind().name(), q.textSv(), q.textEn(), q.required(), join(q.optionsSv()), join(q.optionsEn()),
                q.statementKey(), q.agreeFrom(), q.targetPercent(), q.maxChoices(), join(q.scaleSv()), join(q.scaleEn()),
                q.optionSource(), ids(q.optionIds()));
        return id;
    }

    void update(Question q) {
        int changed = jdbc.update("""
                update survey_question set position = ?, kind = ?, text_sv = ?, text_en = ?, required = ?,
                    options_sv = ?, options_en = ?, statement_key = ?, agree_from = ?, target_percent = ?,
                    max_choices = ?, scale_sv = ?, scale_en = ?, option_source = ?, option_ids = ?, version = version + 1
                where id = ? and version = ?""", q.position(), q.kind().name(), q.textSv(), q.textEn(), q.required(),
                join(q.optionsSv()), join(q.optionsEn()), q.statementKey(), q.agreeFrom(), q.targetPercent(),
                q.maxChoices(), join(q.scaleSv()), join(q.scaleEn()), q.optionSource(), ids(q.optionIds()), q.id(),
                q.version());
        if (changed == 0) {
            throw new ConcurrentEditException("Question", q.id());
        }
    }

    void delete(long questionId) {
        jdbc.update("delete from survey_question where id = ?", questionId);
    }

    /** Copies every question of the template into the evaluation. */
    void copy(long templateId, long evaluationId) {
        for (Question q : ofTemplate(templateId)) {
            insert(null, evaluationId, q);
        }
    }

    static Question map(ResultSet rs, int row) throws SQLException {
        return new Question(rs.getLong("id"), rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")),
                rs.getString("text_sv"), rs.getString("text_en"), rs.getBoolean("required"),
                split(rs.getString("options_sv")), split(rs.getString("options_en")), rs.getString("statement_key"),
                rs.getInt("agree_from"), rs.getInt("target_percent"), rs.getLong("version"),
                (Integer) rs.getObject("max_choices"), split(rs.getString("scale_sv")), split(rs.getString("scale_en")),
                rs.getString("option_source"), parseIds(rs.getString("option_ids")));
    }

    private static String ids(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static List<Long> parseIds(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    static List<String> split(String lines) {
        return lines == null || lines.isBlank() ? List.of()
                : Arrays.stream(lines.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(List<String> options) {
        return options == null || options.isEmpty() ? null : String.join("\n", options);
    }
}
