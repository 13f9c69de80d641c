package se.kompetensportal.timereporting;

/**
 * How a participant answered for a month: through the single-use link in the mail, signed in at {@code /my/time}, or
 * on a signed paper sheet that the secretary ticked as received. Message key {@code time.method.<NAME>}.
 */
public enum ConfirmationMethod {
    LINK,
    SIGNED_IN,
    PAPER
}
