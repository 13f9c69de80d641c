package se.kompetensportal.shared.scheduling;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a lost or unreachable database connection (as opposed to a bug or bad data), and logs an outage once: one
 * warning when it starts, nothing while it lasts, and one line when it is over if it outlasted a retry. Background work
 * that meets such a failure stops its run and simply tries again on the next one.
 */
public final class ConnectionTrouble {

    private final Logger log;
    private final String what;
    private final AtomicInteger failures = new AtomicInteger();

    /** @param what what is affected, for the log line, e.g. "Mail sending" */
    public ConnectionTrouble(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Whether the failure is a connection that was lost, refused or timed out, rather than an error in the work. */
    public static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SocketException
                    || t instanceof InterruptedIOException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Logs the start of an outage in one line; later failures of the same outage at debug level only. */
    public void failed(Throwable failure) {
        if (failures.getAndIncrement() == 0) {
            log.warn("{} paused: the database connection was lost ({}); retrying quietly", what,
                    rootMessage(failure));
        } else if (log.isDebugEnabled()) {
            log.debug("{} still paused: {}", what, rootMessage(failure));
        }
    }

    /** Ends an outage: a line if it outlasted one retry (a single cut connection needs no second line). */
    public void succeeded() {
        int before = failures.getAndSet(0);
        if (before > 1) {
            log.info("{} resumed: the database can be reached again", what);
        }
    }

    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
