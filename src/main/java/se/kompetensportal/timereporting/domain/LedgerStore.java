package se.kompetensportal.timereporting.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.locks.ProjectWriterLock;
import se.kompetensportal.timereporting.ConfirmationMethod;
import se.kompetensportal.timereporting.LedgerEvent;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerLine;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.MonthSummary;
import se.kompetensportal.timereporting.ScbMonth;

/**
 * The ledger's tables: reading months, lines and history, and the small writes every service shares (SCB months:
 * {@link ScbMonths}).
 */
@Component
public class LedgerStore {

    static final String MONTH_COLUMNS = """
            m.id, m.project_id, m.person_id, m.month, m.minutes, m.status, m.sent_at, m.reminders_sent, m.answered_at,
            m.method, m.answered_by, m.dispute_comment, m.paper, m.version""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ProjectWriterLock writerLock;

    LedgerStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ProjectWriterLock writerLock) {
        this.jdbc = jdbc;
        this.named = named;
        this.writerLock = writerLock;
    }

    /** The projects' writer locks, before any of their months' rows is locked ({@link ProjectWriterLock}). */
    public void lockProjects(Collection<Long> projectIds) {
        writerLock.lock(projectIds);
    }

    // months ----------------------------------------------------------------------------------------------------------

    public Optional<LedgerMonth> month(long id) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.id = ?", LedgerStore::month, id)
                .stream().findFirst();
    }

    public Optional<LedgerMonth> month(long projectId, long personId, YearMonth month) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.project_id = ? and m.person_id = ?"
                + " and m.month = ?", LedgerStore::month, projectId, personId, first(month)).stream().findFirst();
    }

    /**
     * The month's row under a row lock for the rest of the transaction, taken after its project's writer lock
     * ({@link ProjectWriterLock}).
     */
    public Optional<LedgerMonth> lock(long id) {
        jdbc.queryForList("select pg_advisory_xact_lock(" + ProjectWriterLock.KEY + ", project_id::int) from time_month"
                + " where id = ?", id);
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.id = ? for update", LedgerStore::month,
                id).stream().findFirst();
    }

    public Optional<LedgerMonth> lock(long projectId, long personId, YearMonth month) {
        lockProjects(List.of(projectId));
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.project_id = ? and m.person_id = ?"
                + " and m.month = ? for update", LedgerStore::month, projectId, personId, first(month)).stream()
                .findFirst();
    }

    public List<LedgerMonth> months(long projectId, YearMonth from, YearMonth to) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.project_id = ? and m.month between ? and ?"
                + " order by m.month, m.person_id", LedgerStore::month, projectId, first(from), first(to));
    }

    public List<LedgerMonth> monthsOfEmployer(long projectId, long organisationId) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.project_id = ?"
                + " and m.employer_organisation_id = ? order by m.month, m.person_id", LedgerStore::month, projectId,
                organisationId);
    }

    public List<LedgerMonth> monthsOfPerson(long personId) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.person_id = ?"
                + " order by m.month desc, m.project_id", LedgerStore::month, personId);
    }

    public List<LedgerMonth> monthsOfPerson(long projectId, long personId) {
        return jdbc.query("select " + MONTH_COLUMNS + " from time_month m where m.project_id = ? and m.person_id = ?"
                + " order by m.month", LedgerStore::month, projectId, personId);
    }

    /** The projects that have months in the ledger. */
    public List<Long> projectIds() {
        return jdbc.queryForList("select distinct project_id from time_month order by project_id", Long.class);
    }

    /** The projects with months that have no employer recorded yet (written before V14_5). */
    public List<Long> projectsWithoutEmployer() {
        return jdbc.queryForList("select distinct project_id from time_month where not employer_recorded order by 1",
                Long.class);
    }

    /** The months of the project with time, latest first. */
    public List<YearMonth> monthsWithTime(long projectId) {
        return jdbc.query("select distinct month from time_month where project_id = ? and minutes > 0 order by month desc",
                (rs, i) -> YearMonth.from(rs.getDate(1).toLocalDate()), projectId);
    }

    public List<MonthSummary> summary(long projectId) {
        return jdbc.query("""
                select month, count(*) filter (where minutes > 0) as people, coalesce(sum(minutes / 60), 0) as hours,
                       coalesce(sum(minutes / 60) filter (where status = 'CONFIRMED'), 0) as confirmed_hours,
                       count(*) filter (where status = 'OPEN' and minutes > 0) as open,
                       count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status = 'CONFIRMED') as confirmed,
                       count(*) filter (where status = 'DISPUTED') as disputed,
                       count(*) filter (where status = 'CORRECTED') as corrected
                from time_month where project_id = ? group by month order by month""",
                (rs, i) -> new MonthSummary(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("people"),
                        rs.getLong("hours"), rs.getLong("confirmed_hours"), rs.getInt("open"), rs.getInt("sent"),
                        rs.getInt("confirmed"), rs.getInt("disputed"), rs.getInt("corrected")), projectId);
    }

    // lines -----------------------------------------------------------------------------------------------------------

    public List<LedgerLine> lines(long monthId) {
        return jdbc.query("""
                select session_id, activity_id, session_date, minutes, session_minutes from time_line
                where time_month_id = ? order by session_date, session_id""", LedgerStore::line, monthId);
    }

    /** The lines of many months at once, by month id (each list by date). */
    public Map<Long, List<LedgerLine>> lines(Collection<Long> monthIds) {
        Map<Long, List<LedgerLine>> lines = new LinkedHashMap<>();
        if (monthIds.isEmpty()) {
            return lines;
        }
        monthIds.forEach(id -> lines.put(id, new ArrayList<>()));
        for (List<Long> chunk : chunks(List.copyOf(monthIds), 1000)) {
            named.query("""
                    select time_month_id, session_id, activity_id, session_date, minutes, session_minutes from time_line
                    where time_month_id in (:ids) order by time_month_id, session_date, session_id""",
                    Map.of("ids", chunk), rs -> {
                        lines.get(rs.getLong("time_month_id")).add(line(rs, 0));
                    });
        }
        return lines;
    }

    /** The lines of every month of the project in the period, by month id. */
    public Map<Long, List<LedgerLine>> lines(long projectId, YearMonth from, YearMonth to) {
        Map<Long, List<LedgerLine>> lines = new HashMap<>();
        jdbc.query("""
                select l.time_month_id, l.session_id, l.activity_id, l.session_date, l.minutes, l.session_minutes
                from time_line l join time_month m on m.id = l.time_month_id
                where m.project_id = ? and m.month between ? and ? order by l.time_month_id, l.session_date, l.session_id""",
                rs -> {
                    lines.computeIfAbsent(rs.getLong("time_month_id"), k -> new ArrayList<>()).add(line(rs, 0));
                }, projectId, first(from), first(to));
        return lines;
    }

    // history ---------------------------------------------------------------------------------------------------------

    public List<LedgerEvent> history(long monthId) {
        return jdbc.query("""
                select id, at, kind, by_user, method, comment, minutes_before, minutes_after from time_event
                where time_month_id = ? order by at, id""",
                (rs, i) -> new LedgerEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        LedgerEventKind.valueOf(rs.getString("kind")), nullableLong(rs, "by_user"),
                        rs.getString("method") == null ? null : ConfirmationMethod.valueOf(rs.getString("method")),
                        rs.getString("comment"), nullableInt(rs, "minutes_before"), nullableInt(rs, "minutes_after")),
                monthId);
    }

    public long addEvent(long monthId, LedgerEventKind kind, Long byUser, ConfirmationMethod method, String comment,
            Integer minutesBefore, Integer minutesAfter) {
        Long id = jdbc.queryForObject("select nextval('time_event_seq')", Long.class);
        jdbc.update("""
                insert into time_event (id, time_month_id, kind, by_user, method, comment, minutes_before, minutes_after)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", id, monthId, kind.name(), byUser,
                method == null ? null : method.name(), comment, minutesBefore, minutesAfter);
        return id;
    }

    public boolean hasEvents(long monthId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from time_event where time_month_id = ?)",
                Boolean.class, monthId));
    }

    // mapping ---------------------------------------------------------------------------------------------------------

    static Date first(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    static LedgerMonth month(ResultSet rs, int row) throws SQLException {
        return new LedgerMonth(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("person_id"),
                YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("minutes"),
                MonthStatus.valueOf(rs.getString("status")), instant(rs, "sent_at"), rs.getInt("reminders_sent"),
                instant(rs, "answered_at"),
                rs.getString("method") == null ? null : ConfirmationMethod.valueOf(rs.getString("method")),
                nullableLong(rs, "answered_by"), rs.getString("dispute_comment"), rs.getBoolean("paper"),
                rs.getLong("version"));
    }

    static LedgerLine line(ResultSet rs, int row) throws SQLException {
        LocalDate date = rs.getDate("session_date").toLocalDate();
        return new LedgerLine(rs.getLong("session_id"), rs.getLong("activity_id"), date, rs.getInt("minutes"),
                rs.getInt("session_minutes"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
