package se.kompetensportal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a message key: templates hold no literal text, every key a template uses exists, and the
 * Swedish and English bundles of each module have the same keys.
 */
class I18nTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    /** Text that needs no translation: punctuation, symbols, digits, whitespace, HTML entities like &times;. */
    private static final Pattern NEUTRAL = Pattern.compile("^[\\p{P}\\p{S}\\p{N}\\s]*$");
    private static final Set<String> TRANSLATABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");
    private static final Pattern KEY_USE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void bundlesHaveTheSameKeysInBothLanguages() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            List<Path> swedish = files.filter(p -> !p.getFileName().toString().contains("_")).toList();
            assertThat(swedish).isNotEmpty();
            for (Path sv : swedish) {
                Path en = sv.resolveSibling(sv.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle for " + sv).exists();
                Set<String> svKeys = keys(sv);
                Set<String> enKeys = keys(en);
                assertThat(difference(svKeys, enKeys)).as("keys in %s missing from %s", sv, en).isEmpty();
                assertThat(difference(enKeys, svKeys)).as("keys in %s missing from %s", en, sv).isEmpty();
            }
        }
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates(".html")) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : doc.getAllElements()) {
                if (element.tagName().equals("script") || element.tagName().equals("style")
                        || replacesContent(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    String value = stripInlineExpressions(text.getWholeText());
                    if (!NEUTRAL.matcher(value).matches() && !insideReplacingParent(element)) {
                        problems.add(template + ": text \"" + value.strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                for (Attribute attribute : element.attributes()) {
                    if (TRANSLATABLE_ATTRIBUTES.contains(attribute.getKey())
                            && !NEUTRAL.matcher(attribute.getValue()).matches()) {
                        problems.add(template + ": attribute " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                    }
                }
            }
        }
        for (Path template : templates(".txt")) {
            String value = stripInlineExpressions(Files.readString(template));
            if (!NEUTRAL.matcher(value).matches()) {
                problems.add(template + ": text outside [(...)] expressions: " + value.strip());
            }
        }
        assertThat(problems).as("literal text in templates (use message keys)").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                known.addAll(keys(file));
            }
        }
        List<String> missing = new ArrayList<>();
        List<Path> all = new ArrayList<>(templates(".html"));
        all.addAll(templates(".txt"));
        for (Path template : all) {
            Matcher m = KEY_USE.matcher(Files.readString(template));
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(template + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used in templates but defined nowhere").isEmpty();
    }

    private static boolean replacesContent(Element element) {
        return element.attributes().asList().stream().map(Attribute::getKey)
                .anyMatch(k -> k.equals("th:text") || k.equals("th:utext") || k.equals("th:replace")
                        || k.equals("th:insert") || k.equals("th:errors") || k.equals("th:remove") && "all".equals(element.attr("th:remove")));
    }

    private static boolean insideReplacingParent(Element element) {
        for (Element parent : element.parents()) {
            if (parent.hasAttr("th:replace") || parent.hasAttr("th:insert")
                    || "all".equals(parent.attr("th:remove"))) {
                return true;
            }
        }
        return false;
    }

    /** Removes Thymeleaf inline expressions [[...]] and [(...)], text-mode tags [# ...] [/], and comments. */
    private static String stripInlineExpressions(String text) {
        return text.replaceAll("\\[\\[.*?]]", "").replaceAll("\\[\\(.*?\\)]", "")
                .replaceAll("\\[#[^\\]]*]", "").replace("[/]", "")
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("&[a-zA-Z]+;", "");
    }

    private static List<Path> templates(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
