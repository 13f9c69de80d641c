package se.kompetensportal.participants.domain;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a secretary may write in a message: {@code {name}} (the recipient's first name),
 * {@code {activity}} (its title), {@code {firstSession}} (date and time of the first session) and
 * {@code {manageLink}} (the recipient's own sign-up page). Anything else in braces is refused, so a typo is not sent.
 */
final class MessageText {

    static final Set<String> PLACEHOLDERS = Set.of("name", "activity", "firstSession", "manageLink");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    private MessageText() {
    }

    /** The first placeholder that is not one of {@link #PLACEHOLDERS}, or {@code null}. */
    static String unknownPlaceholder(String text) {
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return m.group();
            }
        }
        return null;
    }

    /** The text with each placeholder replaced; a value not known is left empty. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = PLACEHOLDERS.contains(m.group(1)) ? values.getOrDefault(m.group(1), "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
