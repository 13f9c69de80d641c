package se.kompetensportal.surveys.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.kompetensportal.shared.web.ConcurrentEditException;

/** Evaluations and their invitations. */
@Repository
class EvaluationStore {

    private static final String COLUMNS = """
            id, project_id, activity_id, track_id, status, sent_at, closes_on, reminders_sent, last_reminder_at, version""";

    private final JdbcTemplate jdbc;

    EvaluationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Evaluation> find(long id) {
        return jdbc.query("select " + COLUMNS + " from evaluation where id = ?", EvaluationStore::map, id).stream().findFirst();
    }

    /** The evaluation's row, locked for the rest of the transaction. */
    Optional<Evaluation> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from evaluation where id = ? for update", EvaluationStore::map, id)
                .stream().findFirst();
    }

    Optional<Evaluation> ofActivity(long activityId) {
        return jdbc.query("select " + COLUMNS + " from evaluation where activity_id = ?", EvaluationStore::map, activityId)
                .stream().findFirst();
    }

    List<Evaluation> ofProject(long projectId) {
        return jdbc.query("select " + COLUMNS + " from evaluation where project_id = ? order by id desc",
                EvaluationStore::map, projectId);
    }

    List<Evaluation> withStatus(EvaluationStatus status) {
        return jdbc.query("select " + COLUMNS + " from evaluation where status = ? order by id", EvaluationStore::map,
                status.name());
    }

    /** Creates the evaluation unless the activity has one; returns its id either way. */
    long insertIfAbsent(long projectId, long activityId, long trackId, boolean[] created) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        int n = jdbc.update("""
                insert into evaluation (id, project_id, activity_id, track_id, status) values (?, ?, ?, ?, 'DRAFT')
                on conflict (activity_id) do nothing""", id, projectId, activityId, trackId);
        created[0] = n == 1;
        return n == 1 ? id : ofActivity(activityId).orElseThrow().id();
    }

    void markSent(long id, Instant sentAt, LocalDate closesOn) {
        jdbc.update("""
                update evaluation set status = 'OPEN', sent_at = ?, closes_on = ?, version = version + 1
                where id = ? and status = 'DRAFT'""", Timestamp.from(sentAt), closesOn, id);
    }

    void changeClosingDate(long id, LocalDate closesOn, long version) {
        int n = jdbc.update("""
                update evaluation set closes_on = ?, status = case when status = 'CLOSED' then 'OPEN' else status end,
                    version = version + 1
                where id = ? and version = ? and status <> 'DRAFT'""", closesOn, id, version);
        if (n == 0) {
            throw new ConcurrentEditException("Evaluation", id);
        }
    }

    void markReminded(long id, Instant at) {
        jdbc.update("update evaluation set reminders_sent = reminders_sent + 1, last_reminder_at = ? where id = ?",
                Timestamp.from(at), id);
    }

    int closeEnded(LocalDate today) {
        return jdbc.update("update evaluation set status = 'CLOSED', version = version + 1 where status = 'OPEN' and closes_on < ?",
                today);
    }

    // Invitations

    /** Adds an invitation unless the person already has one for this evaluation; {@code true} when added. */
    boolean invite(long evaluationId, long personId, String tokenHash, Long organisationId) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        boolean added = jdbc.update("""
                insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id)
                values (?, ?, ?, ?) on conflict (evaluation_id, person_id) do nothing""",
                id, evaluationId, personId, organisationId) == 1;
        if (added) {
            jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)", tokenHash, id);
        }
        return added;
    }

    /** Who has not answered, as person ids (for reminders). */
    List<Long> notAnswered(long evaluationId) {
        return jdbc.queryForList("select person_id from evaluation_invitation where evaluation_id = ? and not answered order by id",
                Long.class, evaluationId);
    }

    record Invitation(long id, long evaluationId, Long organisationId, boolean answered) {
    }

    Optional<Invitation> invitationByHash(String tokenHash) {
        return jdbc.query("""
                select i.id, i.evaluation_id, i.organisation_id, i.answered
                from evaluation_link l join evaluation_invitation i on i.id = l.invitation_id where l.token_hash = ?""",
                (rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getBoolean(4)),
                tokenHash).stream().findFirst();
    }

    /** Adds a link to a not yet answered invitation (a reminder carries a fresh one, as only hashes are kept). */
    void addLink(long evaluationId, long personId, String tokenHash) {
        jdbc.update("""
                insert into evaluation_link (token_hash, invitation_id)
                select ?, id from evaluation_invitation where evaluation_id = ? and person_id = ? and not answered""",
                tokenHash, evaluationId, personId);
    }

    /**
     * Marks the invitation answered if it was not: the one statement that makes a link work once, also for two
     * submits at the same moment (the second waits for the first's row lock and then changes nothing).
     */
    boolean markAnswered(long invitationId) {
        return jdbc.update("update evaluation_invitation set answered = true where id = ? and not answered", invitationId) == 1;
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

    private static Evaluation map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp reminded = rs.getTimestamp("last_reminder_at");
        java.sql.Date closes = rs.getDate("closes_on");
        return new Evaluation(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("activity_id"), rs.getLong("track_id"),
                EvaluationStatus.valueOf(rs.getString("status")), sent == null ? null : sent.toInstant(),
                closes == null ? null : closes.toLocalDate(), rs.getInt("reminders_sent"),
                reminded == null ? null : reminded.toInstant(), rs.getLong("version"));
    }
}
