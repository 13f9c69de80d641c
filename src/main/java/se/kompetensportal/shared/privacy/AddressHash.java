package se.kompetensportal.shared.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An e-mail address as erasure events carry it: the SHA-256 of the trimmed, lower-cased address, so that an event
 * stored in the publication registry (until its listeners are done) holds no address. {@link #SQL} is the same
 * function in PostgreSQL, for comparing with a column: {@code where } + {@code AddressHash.sql("recipient") in (:hashes)}.
 */
public final class AddressHash {

    private AddressHash() {
    }

    public static String of(String email) {
        if (email == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SQL expression hashing {@code column} the way {@link #of(String)} does. */
    public static String sql(String column) {
        return "encode(sha256(convert_to(lower(trim(" + column + ")), 'UTF8')), 'hex')";
    }
}
