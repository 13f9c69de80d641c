package se.kompetensportal.shared.locks;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's writer lock: a PostgreSQL advisory lock held to the end of the transaction. The summaries' triggers take
 * it for every statement that writes a project's attendance or ledger months (V20_1 {@code time_summary}, V25_1
 * {@code participant_days}), so that two transactions never count the same person twice; but a trigger runs after its
 * statement has locked its rows. A transaction that writes several rows in several statements must take the lock
 * before its first row: otherwise it can hold the lock (from its first statement) while it waits for a row that
 * another transaction has locked and that transaction waits for the project lock, and PostgreSQL ends one of them as a
 * deadlock (the demo data at start-up met it against a confirmation request; a trainer's attendance sheet could meet
 * it against a participant confirming a month). Taken here first, the triggers' own taking is free (the lock is held).
 */
@Component
public class ProjectWriterLock {

    /** The lock's first key; the second is the project's id (V20_1, V25_1). */
    public static final int KEY = 20120;

    private final JdbcTemplate jdbc;

    ProjectWriterLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the projects' locks for the rest of the transaction, in the order of their ids (as the triggers do). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<Long> projectIds) {
        projectIds.stream().distinct().sorted().forEach(projectId ->
                jdbc.queryForList("select pg_advisory_xact_lock(" + KEY + ", ?::int)", projectId));
    }
}
