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
            id, project_id, activity_id, track_id, status, sent_at, closes_on, reminders_sent, last_reminder_at, version,
            kind, title_sv, title_en, identified, follow_up_months""";

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

    /** The activity's course evaluation. */
    Optional<Evaluation> ofActivity(long activityId) {
        return jdbc.query("select " + COLUMNS + " from evaluation where activity_id = ? and kind = 'COURSE_EVALUATION'",
                EvaluationStore::map, activityId).stream().findFirst();
    }

    /** The project's course evaluations, newest first. */
    List<Evaluation> ofProject(long projectId) {
        return jdbc.query("select " + COLUMNS + " from evaluation where project_id = ? and kind = 'COURSE_EVALUATION' "
                + "order by id desc", EvaluationStore::map, projectId);
    }

    /** The project's surveys of the other kinds (mapping, follow-up, ad hoc), newest first. */
    List<Evaluation> surveysOfProject(long projectId) {
        return jdbc.query("select " + COLUMNS + " from evaluation where project_id = ? and kind <> 'COURSE_EVALUATION' "
                + "order by id desc", EvaluationStore::map, projectId);
    }

    /** Course evaluations with the status (the evaluation job's work). */
    List<Evaluation> withStatus(EvaluationStatus status) {
        return jdbc.query("select " + COLUMNS + " from evaluation where status = ? and kind = 'COURSE_EVALUATION' order by id",
                EvaluationStore::map, status.name());
    }

    /** Surveys of the other kinds with the status (the survey job's work). */
    List<Evaluation> surveysWithStatus(EvaluationStatus status) {
        return jdbc.query("select " + COLUMNS + " from evaluation where status = ? and kind <> 'COURSE_EVALUATION' order by id",
                EvaluationStore::map, status.name());
    }

    /** Creates a mapping, follow-up or ad-hoc survey as a draft. */
    long insertSurvey(long projectId, SurveyKind kind, Long activityId, Long trackId, String titleSv, String titleEn,
            boolean identified, Integer followUpMonths) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        jdbc.update("""
                insert into evaluation (id, project_id, activity_id, track_id, status, kind, title_sv, title_en, identified,
                    follow_up_months)
                values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""", id, projectId, activityId, trackId, kind.name(), titleSv,
                titleEn, identified, followUpMonths);
        return id;
    }

    /** Creates the activity's follow-up after so many months unless it has one; returns its id, or null if it had. */
    Long insertFollowUpIfAbsent(long projectId, long activityId, long trackId, int months) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        int n = jdbc.update("""
                insert into evaluation (id, project_id, activity_id, track_id, status, kind, follow_up_months)
                values (?, ?, ?, ?, 'DRAFT', 'FOLLOW_UP', ?)
                on conflict (activity_id, follow_up_months) where kind = 'FOLLOW_UP' do nothing""",
                id, projectId, activityId, trackId, months);
        return n == 1 ? id : null;
    }

    /** Changes a survey's title, anonymity and delay; checks the version the form was opened with. */
    void updateSettings(long id, String titleSv, String titleEn, boolean identified, Integer followUpMonths, long version) {
        int n = jdbc.update("""
                update evaluation set title_sv = ?, title_en = ?, identified = ?, follow_up_months = ?, version = version + 1
                where id = ? and version = ?""", titleSv, titleEn, identified, followUpMonths, id, version);
        if (n == 0) {
            throw new ConcurrentEditException("Evaluation", id);
        }
    }

    /** Counts a change of something that belongs to the survey (its texts), if no one changed it since {@code version}. */
    void touch(long id, long version) {
        if (jdbc.update("update evaluation set version = version + 1 where id = ? and version = ?", id, version) == 0) {
            throw new ConcurrentEditException("Evaluation", id);
        }
    }

    /** Creates the evaluation unless the activity has one; returns its id either way. */
    long insertIfAbsent(long projectId, long activityId, long trackId, boolean[] created) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        int n = jdbc.update("""
                insert into evaluation (id, project_id, activity_id, track_id, status) values (?, ?, ?, ?, 'DRAFT')
                on conflict (activity_id) where kind = 'COURSE_EVALUATION' do nothing""", id, projectId, activityId, trackId);
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

    /**
     * Adds a recipient's invitation without a link (the link is made when the mail goes out); {@code null} when the
     * person or contact already has one.
     */
    Long addRecipient(long evaluationId, Long personId, Long contactId, Long organisationId, Long targetGroupId) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        int n = jdbc.update("""
                insert into evaluation_invitation (id, evaluation_id, person_id, contact_id, organisation_id, target_group_id)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, evaluationId, personId, contactId, organisationId, targetGroupId);
        return n == 1 ? id : null;
    }

    /** Adds a link to an invitation (its mail's or a reminder's). */
    void addLink(long invitationId, String tokenHash) {
        jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)", tokenHash, invitationId);
    }

    /** A recipient of a survey as the mails need them: the person of the register, or the uploaded contact. */
    record Recipient(long invitationId, Long personId, Long contactId, Long organisationId, Long targetGroupId,
            boolean answered, boolean mailed) {
    }

    private static final String RECIPIENT = """
            select i.id, i.person_id, i.contact_id, i.organisation_id, i.target_group_id, i.answered,
                   exists (select 1 from evaluation_link l where l.invitation_id = i.id)
            from evaluation_invitation i where i.evaluation_id = ?""";

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
                (Long) rs.getObject(5), rs.getBoolean(6), rs.getBoolean(7));
    }

    /** Every recipient of the survey, in the order they were added. */
    List<Recipient> recipients(long evaluationId) {
        return jdbc.query(RECIPIENT + " order by i.id", EvaluationStore::recipient, evaluationId);
    }

    /** Recipients who have not had their invitation mail yet. */
    List<Recipient> unmailed(long evaluationId) {
        return jdbc.query(RECIPIENT + " and not exists (select 1 from evaluation_link l where l.invitation_id = i.id) order by i.id",
                EvaluationStore::recipient, evaluationId);
    }

    /** Recipients who had their invitation and have not answered (for reminders). */
    List<Recipient> waiting(long evaluationId) {
        return jdbc.query(RECIPIENT + " and not i.answered and exists (select 1 from evaluation_link l where l.invitation_id = i.id)"
                + " order by i.id", EvaluationStore::recipient, evaluationId);
    }

    /** Removes a recipient who has not answered; {@code true} when removed. */
    boolean removeRecipient(long evaluationId, long invitationId) {
        return jdbc.update("delete from evaluation_invitation where id = ? and evaluation_id = ? and not answered",
                invitationId, evaluationId) == 1;
    }

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

    record Invitation(long id, long evaluationId, Long organisationId, boolean answered, Long targetGroupId) {
    }

    Optional<Invitation> invitationByHash(String tokenHash) {
        return jdbc.query("""
                select i.id, i.evaluation_id, i.organisation_id, i.answered, i.target_group_id
                from evaluation_link l join evaluation_invitation i on i.id = l.invitation_id where l.token_hash = ?""",
                (rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getBoolean(4),
                        (Long) rs.getObject(5)),
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

    private static Evaluation map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        Timestamp reminded = rs.getTimestamp("last_reminder_at");
        java.sql.Date closes = rs.getDate("closes_on");
        return new Evaluation(rs.getLong("id"), rs.getLong("project_id"), (Long) rs.getObject("activity_id"),
                (Long) rs.getObject("track_id"), EvaluationStatus.valueOf(rs.getString("status")),
                sent == null ? null : sent.toInstant(), closes == null ? null : closes.toLocalDate(),
                rs.getInt("reminders_sent"), reminded == null ? null : reminded.toInstant(), rs.getLong("version"),
                SurveyKind.valueOf(rs.getString("kind")), rs.getString("title_sv"), rs.getString("title_en"),
                rs.getBoolean("identified"), (Integer) rs.getObject("follow_up_months"));
    }
}
