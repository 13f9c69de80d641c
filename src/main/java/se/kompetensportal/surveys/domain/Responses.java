package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes anonymous responses: a random id, the survey, the date (no time of day), web or paper, and the respondent's
 * employer and target group as the invitation (or the answer to a target-group question) gave them. Nothing here knows
 * who answered, except {@link #identify} for a survey the secretary made identified.
 */
@Repository
class Responses {

    enum Source { WEB, PAPER }

    private final JdbcTemplate jdbc;

    Responses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(long evaluationId, LocalDate answeredOn, Source source, Long organisationId, List<AnswerSheet.Value> values) {
        return insert(evaluationId, answeredOn, source, organisationId, null, values);
    }

    UUID insert(long evaluationId, LocalDate answeredOn, Source source, Long organisationId, Long targetGroupId,
            List<AnswerSheet.Value> values) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id, target_group_id)
                values (?, ?, ?, ?, ?, ?)""", id, evaluationId, answeredOn, source.name(), organisationId, targetGroupId);
        jdbc.batchUpdate("""
                insert into evaluation_answer (response_id, question_id, int_value, number_value, text_value, item)
                values (?, ?, ?, ?, ?, ?)""",
                values, 100, (ps, v) -> {
                    ps.setObject(1, id);
                    ps.setLong(2, v.questionId());
                    ps.setObject(3, v.intValue());
                    ps.setBigDecimal(4, v.numberValue());
                    ps.setString(5, v.textValue());
                    ps.setObject(6, v.item());
                });
        return id;
    }

    /** Links a response to its invitation: only for identified surveys, whose respondents were told. */
    void identify(UUID responseId, long invitationId) {
        jdbc.update("insert into evaluation_response_identity (response_id, invitation_id) values (?, ?)", responseId,
                invitationId);
    }
}
