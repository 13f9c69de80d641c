package se.kompetensportal.shared.scheduling;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a lost or unreachable database connection (as opposed to a bug or bad data), and logs an outage once: one
 * warning when it starts, one line when it is over, nothing in between. Background work that meets such a failure stops
 * its run and simply tries again on the next one.
 */
public final class ConnectionTrouble {

    private final Logger log;
    private final String what;
    private final AtomicBoolean down = new AtomicBoolean();

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

    /** Logs the start of an outage, once; later failures of the same outage are logged at debug level only. */
    public void failed(Throwable failure) {
        if (down.compareAndSet(false, true)) {
            log.warn("{} paused: the database cannot be reached ({}); retrying quietly until it can", what,
                    rootMessage(failure));
        } else if (log.isDebugEnabled()) {
            log.debug("{} still paused: {}", what, rootMessage(failure));
        }
    }

    /** Logs the end of an outage, if there was one. */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
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
