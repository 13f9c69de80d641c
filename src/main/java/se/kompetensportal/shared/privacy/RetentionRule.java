package se.kompetensportal.shared.privacy;

/**
 * One kind of personal data a module erases when it has been kept long enough. The nightly retention job (module
 * {@code privacy}, one instance at a time) runs every rule, each batch in a transaction of its own, until a batch
 * finds nothing due. A rule must be idempotent: what it erased is not found again.
 */
public interface RetentionRule {

    /** A name for the log, such as {@code "outbox.sensitive"}. */
    String name();

    /**
     * Erases at most one batch of what is due (inside the job's transaction) and returns how many items it erased; 0
     * when nothing is due.
     */
    int runBatch(RetentionContext context);
}
