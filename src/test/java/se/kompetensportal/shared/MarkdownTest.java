package se.kompetensportal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.kompetensportal.shared.web.Markdown;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown (knowledge items, newsletter intros) becomes safe HTML: the injection corpus the project tests against
 * ({@code security/xss-corpus.txt}) leaves no script, no event handler, no {@code javascript:} or other unsafe link
 * and no inline style (which the Content Security Policy would block), while ordinary Markdown still renders.
 */
class MarkdownTest {

    static final List<String> ALLOWED = List.of("body", "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em",
            "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td");

    static Stream<String> corpus() throws IOException {
        try (InputStream in = MarkdownTest.class.getResourceAsStream("/security/xss-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.replace("\\n", "\n")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void noInjectionSurvivesTheRenderer(String input) {
        String html = Markdown.toHtml(input);
        // Text may mention anything, escaped; no markup but the renderer's own may be there.
        assertThat(html.toLowerCase(Locale.ROOT)).as(input).doesNotContain("<script", "<iframe", "<object", "<embed",
                "<svg", "<math", "<style", "<link", "<meta", "<form", "<input", "<img", "<details");
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(e.tagName()).as(input).isIn(ALLOWED);
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as(input).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("src");
                if (a.getKey().equals("href")) {
                    assertThat(a.getValue()).as(input).matches("^(https?://|mailto:|/(?!/)).*")
                            .doesNotContainIgnoringCase("javascript:");
                }
            });
        }
    }

    @Test
    void ordinaryMarkdownRendersWithHeadingsBelowThePagesH1() {
        String html = Markdown.toHtml("# Rubrik\n\nEtt *stycke* med **fet** text och [länk](https://example.se).\n\n"
                + "- ett\n- två\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSe även https://example.se/x och [aktiviteten](/activities/42).");
        assertThat(html).contains("<h2>Rubrik</h2>").contains("<em>stycke</em>").contains("<strong>fet</strong>")
                .contains("<a href=\"https://example.se\" rel=\"nofollow noopener noreferrer\">länk</a>")
                .contains("<ul>").contains("<li>ett</li>").contains("<table>").contains("<td>1</td>")
                .contains("<a href=\"https://example.se/x\"").contains("<a href=\"/activities/42\"");
    }

    @Test
    void aPictureBecomesALinkToIt() {
        assertThat(Markdown.toHtml("![Diagram](https://example.se/d.png)"))
                .isEqualTo("<p><a href=\"https://example.se/d.png\" rel=\"nofollow noopener noreferrer\">Diagram</a></p>");
    }

    @Test
    void plainTextHasNoMarkupAndBlankTextIsEmpty() {
        assertThat(Markdown.toPlainText("## Steg\n\n- **ett**\n- två")).doesNotContain("<", "**", "##").contains("Steg")
                .contains("ett");
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toHtml("  ")).isEmpty();
        assertThat(List.of(Markdown.toPlainText(null))).containsExactly("");
    }
}
