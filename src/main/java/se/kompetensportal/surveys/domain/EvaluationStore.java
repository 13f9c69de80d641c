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

/** Evaluations of every kind: their rows, status, settings and closing. Invitations and responses have their own stores. */
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
