package se.kompetensportal.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.web.Slugs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slugs are made by a loop over the characters; they must be exactly what the regular expressions it replaced made
 * (an activity's address must not change), for real titles and for random text from the characters titles hold.
 */
class SlugsTest {

    @Test
    void theLoopMakesTheSameSlugsAsTheRegularExpressions() {
        List<String> titles = new ArrayList<>(List.of("Jämställdhet i kulturmötet – grundkurs!", "Åsa & Östen på Öland, 2026",
                "  ", "", "---", "-a-", "Straße Æble Ø Ørsted", "İstanbul ǅ ﬁ Ω K", "Café ̈ x", "a𝅥𝅮b", "ord ".repeat(40),
                "x".repeat(100), "ab-" + "c".repeat(90), "Språkcafé: 'Träffa nyanlända' (del 2/3)", "Ⅻ ① ² ½",
                "ÉCOLE – ÉTÉ", "tab\tand\nnewline", "emoji 😀 och mer"));
        String alphabet = "abcåäöéüßæøÆØABCÅÄÖ0123456789 -–_.,!?&/'\"()İǅﬁ̈😀𝅥𝅮";
        Random random = new Random(13);
        for (int n = 0; n < 2000; n++) {
            StringBuilder title = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                title.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            titles.add(title.toString());
        }
        for (String title : titles) {
            assertThat(Slugs.of(title)).as(title).isEqualTo(withRegularExpressions(title));
        }
        assertThat(Slugs.of(null)).isEmpty();
    }

    /** The implementation before the loop, kept as the reference. */
    private static String withRegularExpressions(String text) {
        String decomposed = Normalizer.normalize(text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("Æ", "ae").replace("Ø", "o"), Normalizer.Form.NFD);
        String ascii = decomposed.replaceAll("\\p{M}+", "");
        String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String slug = dashed.replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+[^-]*$", "");
        }
        return slug;
    }
}
