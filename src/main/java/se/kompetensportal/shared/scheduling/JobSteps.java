package se.kompetensportal.shared.scheduling;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a scheduled job does its work: each unit (one evaluation, one reminder, one person) in a transaction of its own,
 * opened here through a {@link TransactionTemplate}. (A job's {@code @Scheduled} method calling a {@code @Transactional}
 * method of its own class gets no transaction: the call does not pass the proxy. That once made every job fail.) What a
 * unit writes, a recipient recorded as invited and their mail in the outbox, is committed together or not at all.
 *
 * <p>A unit that fails is rolled back alone and logged in one line; the job goes on with the next one and meets the
 * failed one again on its next run. When the database cannot be reached, the run stops ({@link DatabaseUnavailable}),
 * logged once per outage, and the next run tries again.
 */
@Component
public class JobSteps {

    private static final Logger log = LoggerFactory.getLogger(JobSteps.class);

    private final TransactionTemplate transactions;
    private final ConcurrentMap<String, ConnectionTrouble> trouble = new ConcurrentHashMap<>();

    JobSteps(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs one unit of a job in its own transaction (or the caller's, if there is one).
     *
     * @param job  the job's name, for the log
     * @param unit what the unit is about (an id), for the log
     * @return the unit's result, or empty when it failed (rolled back and logged)
     * @throws DatabaseUnavailable when the database cannot be reached: the run should stop
     */
    public <T> Optional<T> run(String job, Object unit, Supplier<T> work) {
        ConnectionTrouble connection = trouble.computeIfAbsent(job, name -> new ConnectionTrouble(log, "Job " + name));
        try {
            T result = transactions.execute(status -> work.get());
            connection.succeeded();
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            if (ConnectionTrouble.isConnectionLoss(e)) {
                connection.failed(e);
                throw new DatabaseUnavailable(e);
            }
            if (isUniqueViolation(e)) {
                // Another instance did the same unit at the same moment; a unique key kept it from happening twice.
                log.info("Job {}: {} was done concurrently elsewhere ({})", job, unit, ConnectionTrouble.rootMessage(e));
            } else {
                log.warn("Job {}: {} failed and was rolled back; it is tried again on the next run", job, unit, e);
            }
            return Optional.empty();
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database could not be reached; the job's run stops here and the next run tries again. */
    public static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(Throwable cause) {
            super("The database cannot be reached", cause);
        }
    }
}
