package se.kompetensportal.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Plain text that users type, shown as HTML with a tiny, safe markup: a blank line starts a new paragraph, lines that
 * start with "- " form a bulleted list, other line breaks are kept. Everything the user wrote is HTML-escaped, so the
 * result may be written with {@code th:utext}: only the {@code <p>}, {@code <ul>}, {@code <li>} and {@code <br>} made
 * here are markup. View records offer it as a method (such as {@code descriptionHtml()}), because Thymeleaf refuses
 * bean references inside {@code th:utext}.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The text as escaped HTML paragraphs and lists; empty for {@code null} or blank text. */
    public static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
            List<String> paragraph = new ArrayList<>();
            List<String> items = new ArrayList<>();
            for (String line : block.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                    flushParagraph(html, paragraph);
                    items.add(trimmed.substring(1).strip());
                } else if (!trimmed.isEmpty()) {
                    flushList(html, items);
                    paragraph.add(trimmed);
                }
            }
            flushParagraph(html, paragraph);
            flushList(html, items);
        }
        return html.toString();
    }

    private static void flushParagraph(StringBuilder html, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p>");
        for (int i = 0; i < lines.size(); i++) {
            html.append(i > 0 ? "<br>" : "").append(HtmlUtils.htmlEscape(lines.get(i), "UTF-8"));
        }
        html.append("</p>");
        lines.clear();
    }

    private static void flushList(StringBuilder html, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul>");
        items.forEach(item -> html.append("<li>").append(HtmlUtils.htmlEscape(item, "UTF-8")).append("</li>"));
        html.append("</ul>");
        items.clear();
    }
}
