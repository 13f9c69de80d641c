package se.kompetensportal.shared.web;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Markdown that users write (knowledge items, newsletter texts), shown as HTML that is safe to write with
 * {@code th:utext}. Two libraries made for the job do the work: commonmark-java renders CommonMark (with GitHub-style
 * tables and bare links made links), escaping any raw HTML in the text and emptying unsafe link targets; then jsoup
 * cleans the result against a fixed list of elements and attributes, so that whatever slips past the renderer never
 * reaches the page: no script, no event handler, no {@code style} (the Content Security Policy would block it), no link
 * but {@code http}, {@code https}, {@code mailto} or a path in the portal, no frame or form. Pictures are shown as
 * links to them (the CSP loads no picture from elsewhere), and headings move one level down so that a text's own
 * {@code #} heading sits below the page's {@code h1}.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).softbreak("\n").build();
    /** A made-up base, so that links to paths of the portal ({@code /activities/42}) pass the protocol check. */
    private static final String BASE = "https://portal.invalid/";
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Markdown() {
    }

    /** The elements and attributes a rendered text may keep; nothing else survives. */
    static Safelist safelist() {
        return new Safelist()
                .addTags("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
                        "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td")
                .addAttributes("a", "href", "title")
                .addAttributes("ol", "start")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
                .preserveRelativeLinks(true);
    }

    /** The text as safe HTML; empty for {@code null} or blank text. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String rendered = RENDERER.render(PARSER.parse(markdown));
        Document document = Jsoup.parseBodyFragment(rendered, BASE);
        for (Element image : document.select("img")) {
            String alt = image.attr("alt").isBlank() ? image.attr("src") : image.attr("alt");
            image.replaceWith(new Element("a").attr("href", image.attr("src")).text(alt));
        }
        for (int level = 6; level >= 1; level--) {
            for (Element heading : document.select("h" + level)) {
                heading.tagName("h" + Math.min(level + 1, 6));
            }
        }
        String cleaned = Jsoup.clean(document.body().html(), BASE, safelist(), OUTPUT);
        // A link whose target was unsafe has lost it: keep its text, drop the empty link.
        Document result = Jsoup.parseBodyFragment(cleaned, BASE);
        result.outputSettings(OUTPUT);
        for (Element link : result.select("a")) {
            String href = link.attr("href").strip();
            if (href.isEmpty() || href.startsWith("#")) {
                link.unwrap();
            }
        }
        // Relative links were kept relative; the made-up base must never show.
        return result.body().html().replace("href=\"" + BASE, "href=\"/");
    }

    /** The text without any markup, for summaries, feeds and the plain-text part of mails. */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(RENDERER.render(PARSER.parse(markdown)));
        document.outputSettings(OUTPUT);
        for (Element block : document.select("p, li, h1, h2, h3, h4, h5, h6, tr, pre, blockquote")) {
            block.appendText("\n");
        }
        return document.body().wholeText().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
