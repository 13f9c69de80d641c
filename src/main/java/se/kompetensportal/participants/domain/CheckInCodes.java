package se.kompetensportal.participants.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The check-in code of a sign-up: twelve hexadecimal digits (48 random bits), shown as {@code 1A2B-3C4D-5E6F} and in a
 * QR code holding the address {@code /trainer/check-in/<code>}, so a trainer's phone camera opens it directly. What a
 * trainer types is forgiving: case, spaces and dashes do not matter, O is read as 0 and I or L as 1, and a whole
 * scanned address is accepted.
 */
public final class CheckInCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PATH = "/trainer/check-in/";

    private CheckInCodes() {
    }

    static String newCode() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String display(String code) {
        return code == null || code.length() != 12 ? code
                : code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** The code in what was typed or scanned, or {@code null} if it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        int path = text.indexOf(PATH);
        if (path >= 0) {
            text = text.substring(path + PATH.length());
        }
        String code = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        return code.matches("[0-9A-F]{12}") ? code : null;
    }
}
