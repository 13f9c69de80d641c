package se.kompetensportal.surveys.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The invitation and reminder texts of a survey: the secretary's own (per language) or the portal's defaults for the
 * survey's kind, with placeholders that are filled in per recipient. The personal link, the closing date and what
 * happens to the answers follow every text, so a text cannot leave them out.
 */
@Component
class SurveyTexts {

    enum Purpose { INVITATION, REMINDER }

    /** The placeholders a text may use. */
    static final List<String> PLACEHOLDERS = List.of("name", "survey", "closes", "project");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{0,40})}");

    /** A subject and body, with placeholders. */
    record Text(String subject, String body) {
    }

    private final SurveyStore store;
    private final MessageSource messages;

    SurveyTexts(SurveyStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    /** The portal's own text for the kind (message keys read without arguments, so braces stay as they are). */
    Text defaults(SurveyKind kind, Purpose purpose, String language) {
        Locale locale = Locale.of(language);
        String prefix = "survey.text." + purpose.name() + "." + kind.name();
        return new Text(messages.getMessage(prefix + ".subject", null, locale),
                messages.getMessage(prefix + ".body", null, locale));
    }

    /** The secretary's text, if they wrote one. */
    Text saved(long evaluationId, Purpose purpose, String language) {
        SurveyStore.Message m = store.messages(evaluationId).get(purpose.name() + ":" + language);
        return m == null ? null : new Text(m.subject(), m.body());
    }

    /** The text a mail gets: the secretary's, or the default. */
    Text effective(Evaluation e, Purpose purpose, Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "sv";
        Text saved = saved(e.id(), purpose, language);
        return saved != null ? saved : defaults(e.kind(), purpose, language);
    }

    /** Placeholders in the text that are not among {@link #PLACEHOLDERS}, in order of appearance. */
    static Set<String> unknownPlaceholders(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        if (text == null) {
            return unknown;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        return unknown;
    }

    /** The text with its placeholders filled in. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A body as paragraphs (separated by blank lines); line breaks within a paragraph are kept. */
    static List<String> paragraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : body.strip().split("\\R\\s*\\R")) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        return paragraphs;
    }
}
