package se.kompetensportal.participants;

/**
 * A merge in the person register was undone: the duplicate is a person of their own again, with the sign-ups and
 * attendance that moved in the merge. Read models per person (the time ledger) refresh both.
 */
public record PersonMergeUndone(long keptPersonId, long restoredPersonId) {
}
