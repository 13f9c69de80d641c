package se.kompetensportal.shared;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.web.PlainText;
import se.kompetensportal.shared.web.Slugs;

import static org.assertj.core.api.Assertions.assertThat;

/** User text becomes safe paragraphs and lists; titles become readable URL segments. */
class PlainTextTest {

    @Test
    void blankLinesMakeParagraphsAndDashesMakeLists() {
        assertThat(PlainText.toHtml("Första stycket\nsamma stycke\n\n- ett\n- två\n\nSista"))
                .isEqualTo("<p>Första stycket<br>samma stycke</p><ul><li>ett</li><li>två</li></ul><p>Sista</p>");
        assertThat(PlainText.toHtml("Inledning:\n- punkt\r\n- punkt två\nEfter")).isEqualTo(
                "<p>Inledning:</p><ul><li>punkt</li><li>punkt två</li></ul><p>Efter</p>");
    }

    @Test
    void everythingTheUserWroteIsEscaped() {
        assertThat(PlainText.toHtml("<script>alert(\"x\")</script> & <a href='y'>"))
                .isEqualTo("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&#39;y&#39;&gt;</p>");
        assertThat(PlainText.toHtml("- <b>fet</b>")).isEqualTo("<ul><li>&lt;b&gt;fet&lt;/b&gt;</li></ul>");
        assertThat(PlainText.toHtml(null)).isEmpty();
        assertThat(PlainText.toHtml("  \n ")).isEmpty();
    }

    @Test
    void slugsAreLowerCaseAsciiWithHyphens() {
        assertThat(Slugs.of("Jämställdhet i kulturmötet – grundkurs!")).isEqualTo("jamstalldhet-i-kulturmotet-grundkurs");
        assertThat(Slugs.of("Åsa & Östen på Öland, 2026")).isEqualTo("asa-osten-pa-oland-2026");
        assertThat(Slugs.of("  ")).isEmpty();
        assertThat(Slugs.of("ord ".repeat(40))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
    }
}
