package se.kompetensportal.accounts.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters (length beats composition rules, as NIST SP 800-63B
 * advises), at most 128, and not the user's own e-mail address.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** The message key of the first rule the password breaks, if any. */
    public static Optional<String> violation(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > 128) {
            return Optional.of("password.tooLong");
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password.sameAsEmail");
        }
        return Optional.empty();
    }
}
