package se.kompetensportal.timereporting;

/**
 * What happened to a ledger month: SENT (request to confirm), REMINDED, RESENT (by the secretary), CONFIRMED, DISPUTED,
 * CORRECTED (by the secretary, with a reason), CHANGED (attendance changed after the month was sent, e.g. when two
 * person records were merged), PAPER (the paper sheet was printed). Message key {@code time.event.<NAME>}.
 */
public enum LedgerEventKind {
    SENT,
    REMINDED,
    RESENT,
    CONFIRMED,
    DISPUTED,
    CORRECTED,
    CHANGED,
    PAPER
}
