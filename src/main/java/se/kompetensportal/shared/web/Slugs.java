package se.kompetensportal.shared.web;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL segments made from titles: "Jämställdhet i kulturmötet!" becomes "jamstalldhet-i-kulturmotet". */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                        .replace("Æ", "ae").replace("Ø", "o"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+[^-]*$", "");
        }
        return slug;
    }
}
