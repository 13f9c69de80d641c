package se.kompetensportal.participants;

/**
 * A duplicate person was merged into another: the duplicate's sign-ups and attendance now belong to the person kept.
 * Published inside the transaction of the merge.
 */
public record PersonMerged(long keptPersonId, long duplicatePersonId) {
}
