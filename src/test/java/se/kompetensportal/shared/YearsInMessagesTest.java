package se.kompetensportal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year is never written with a thousands separator ("år 2 026"). The separator comes from {@link MessageFormat},
 * which formats a number argument {@code {0}} with the locale's grouping: a message that gets a year must say
 * {@code {0,number,#}}. This test finds every message a template calls with a year argument and formats it.
 */
class YearsInMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern CALL = Pattern.compile("#\\{([a-zA-Z0-9_.]+)\\((.*?)\\)}");
    private static final Pattern YEAR = Pattern.compile("(?i)(\\.|\\{|\\b)(fund)?year\\b");

    @Test
    void theDashboardsYearHasNoSeparator() throws IOException {
        assertThat(format(bundle(""), "dashboard.inYear", 0, new Locale("sv"))).isEqualTo("år 2026");
        assertThat(format(bundle("_en"), "dashboard.inYear", 0, Locale.ENGLISH)).isEqualTo("in 2026");
    }

    @Test
    void everyMessageGivenAYearWritesItWithoutSeparator() throws IOException {
        Map<String, String> sv = bundle("");
        Map<String, String> en = bundle("_en");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(Files::isRegularFile).toList()) {
                Matcher m = CALL.matcher(Files.readString(template));
                while (m.find()) {
                    List<String> args = arguments(m.group(2));
                    for (int i = 0; i < args.size(); i++) {
                        if (!YEAR.matcher(args.get(i)).find() || !sv.containsKey(m.group(1))) {
                            continue;
                        }
                        checked++;
                        for (var lang : List.of(Map.entry(new Locale("sv"), sv), Map.entry(Locale.ENGLISH, en))) {
                            String text = format(lang.getValue(), m.group(1), i, lang.getKey());
                            if (!text.contains("2026")) {
                                problems.add(template + ": " + m.group(1) + " (" + lang.getKey() + ") gives " + text);
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).as("year arguments found in templates").isGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    private static String format(Map<String, String> bundle, String key, int yearAt, Locale locale) {
        Object[] args = new Object[yearAt + 4];
        java.util.Arrays.fill(args, "x");
        args[yearAt] = 2026;
        return new MessageFormat(bundle.get(key), locale).format(args);
    }

    /** The top-level comma-separated arguments of a message call. */
    private static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        args.add(current.toString());
        return args;
    }

    private static Map<String, String> bundle(String suffix) throws IOException {
        Map<String, String> all = new HashMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                boolean english = name.endsWith("_en.properties");
                if (suffix.isEmpty() == english || !name.endsWith(".properties")) {
                    continue;
                }
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(p)) {
                    props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                props.forEach((k, v) -> all.put((String) k, (String) v));
            }
        }
        return all;
    }
}
