package se.kompetensportal.participants.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words that show a sign-up question asks for special categories of personal data (GDPR art. 9: health, ethnic
 * origin, religion or beliefs, political opinions, trade-union membership, sex life or orientation, genetic or
 * biometric data), in Swedish and English. A question whose text or options contain one is refused unless the
 * secretary marks it as needed for accessibility. A word list cannot catch every wording: it stops the usual ones and
 * makes the secretary think; the purpose text is what the participant reads.
 */
final class SensitiveWords {

    private static final List<String> STEMS = List.of(
            // Swedish
            "hälsa", "hälso", "sjukdom", "sjukskriv", "sjuk ", "diagnos", "funktionsnedsätt", "funktionshind", "handikapp", "allergi",
            "överkänslig", "medicin", "läkemedel", "graviditet", "gravid", "psykisk", "diabetes", "epilepsi",
            "etnisk", "etnicitet", "hudfärg", "ras ", "religion", "religiös", "tro ", "trosuppfattning",
            "livsåskådning", "politisk", "partitillhörighet", "fackförbund", "fackligt", "facklig", "sexuell", "läggning",
            "könsidentitet", "genetisk", "biometrisk", "specialkost",
            // English
            "health", "illness", "sick", "diagnos", "disabilit", "disabled", "handicap", "allerg", "intoleran",
            "medicat", "medical", "pregnan", "mental", "ethnic", "race ", "racial", "religio", "belief",
            "faith", "political", "trade union", "union member", "sexual", "orientation", "gender identity",
            "genetic", "biometric", "diet");

    private static final Pattern WORDS = Pattern.compile(STEMS.stream()
            .map(s -> "\\b" + Pattern.quote(s.strip()) + (s.endsWith(" ") ? "\\b" : ""))
            .reduce((a, b) -> a + "|" + b).orElseThrow(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private SensitiveWords() {
    }

    /** Whether any of the texts names sensitive data. */
    static boolean any(String... texts) {
        for (String text : texts) {
            if (text != null && WORDS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }
}
