package se.kompetensportal.surveys.domain;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What came back: counts of invitations and responses per evaluation, and the named responses of identified surveys. */
@Repository
class ResponseStore {

    private final JdbcTemplate jdbc;

    ResponseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The responses of an identified survey with whom they came from: [response id, date, person id, contact id,
     * organisation id], oldest first. Only responses the identity table links to an invitation are listed.
     */
    List<Object[]> identifiedResponses(long evaluationId) {
        return jdbc.query("""
                select r.id, r.answered_on, i.person_id, i.contact_id, r.organisation_id
                from evaluation_response r join evaluation_response_identity x on x.response_id = r.id
                join evaluation_invitation i on i.id = x.invitation_id
                where r.evaluation_id = ? order by r.answered_on, i.id""",
                (rs, n) -> new Object[] {rs.getObject(1, java.util.UUID.class), rs.getDate(2).toLocalDate(),
                        rs.getObject(3), rs.getObject(4), rs.getObject(5)}, evaluationId).stream()
                .map(r -> new Object[] {r[0], r[1], r[2] == null ? null : ((Number) r[2]).longValue(),
                        r[3] == null ? null : ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue()})
                .toList();
    }

    /** The answers of an identified survey's identified responses, by response. */
    java.util.Map<java.util.UUID, List<AnswerSheet.Value>> answersOfIdentified(long evaluationId) {
        java.util.Map<java.util.UUID, List<AnswerSheet.Value>> answers = new java.util.HashMap<>();
        jdbc.query("""
                select a.response_id, a.question_id, a.int_value, a.number_value, a.text_value, a.item
                from evaluation_answer a join evaluation_response_identity x on x.response_id = a.response_id
                join evaluation_response r on r.id = a.response_id where r.evaluation_id = ?
                order by a.question_id, a.item nulls first, a.int_value""", rs -> {
                    answers.computeIfAbsent(rs.getObject(1, java.util.UUID.class), k -> new java.util.ArrayList<>())
                            .add(new AnswerSheet.Value(rs.getLong(2), (Integer) rs.getObject(3), rs.getBigDecimal(4),
                                    rs.getString(5), (Integer) rs.getObject(6)));
                }, evaluationId);
        return answers;
    }

    record Counts(long invitations, long answered, long web, long paper) {

        public Double responsePercent() {
            return invitations == 0 ? null : 100.0 * answered / invitations;
        }

        public long responses() {
            return web + paper;
        }
    }

    Counts counts(long evaluationId) {
        return jdbc.queryForObject("""
                select (select count(*) from evaluation_invitation where evaluation_id = ?),
                       (select count(*) from evaluation_invitation where evaluation_id = ? and answered),
                       (select count(*) from evaluation_response where evaluation_id = ? and source = 'WEB'),
                       (select count(*) from evaluation_response where evaluation_id = ? and source = 'PAPER')""",
                (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                evaluationId, evaluationId, evaluationId, evaluationId);
    }

    /** The counts of every evaluation of a project, in two queries. */
    java.util.Map<Long, Counts> countsOfProject(long projectId) {
        java.util.Map<Long, long[]> raw = new java.util.HashMap<>();
        jdbc.query("""
                select e.id, count(i.id), count(i.id) filter (where i.answered) from evaluation e
                left join evaluation_invitation i on i.evaluation_id = e.id where e.project_id = ? group by e.id""",
                rs -> {
                    raw.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), 0, 0});
                }, projectId);
        jdbc.query("""
                select e.id, count(*) filter (where r.source = 'WEB'), count(*) filter (where r.source = 'PAPER')
                from evaluation e join evaluation_response r on r.evaluation_id = e.id where e.project_id = ? group by e.id""",
                rs -> {
                    long[] c = raw.computeIfAbsent(rs.getLong(1), k -> new long[4]);
                    c[2] = rs.getLong(2);
                    c[3] = rs.getLong(3);
                }, projectId);
        java.util.Map<Long, Counts> counts = new java.util.HashMap<>();
        raw.forEach((id, c) -> counts.put(id, new Counts(c[0], c[1], c[2], c[3])));
        return counts;
    }
}
