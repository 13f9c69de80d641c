package se.kompetensportal.shared.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Readable URL segments made from titles: "Jämställdhet i kulturmötet!" becomes "jamstalldhet-i-kulturmotet". */
public final class Slugs {

    private static final int MAX_LENGTH = 80;
    // Compiled once: a catalogue page makes twenty slugs (String.replaceAll compiles its pattern on every call).
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern LAST_PART = Pattern.compile("-+[^-]*$");

    private Slugs() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("Æ", "ae").replace("Ø", "o"), Normalizer.Form.NFD);
        String ascii = MARKS.matcher(decomposed).replaceAll("");
        String dashed = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        String slug = OUTER_DASHES.matcher(dashed).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = LAST_PART.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return slug;
    }
}
