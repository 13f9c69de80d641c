package se.kompetensportal.surveys.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One person's answer to a question as text (for the named responses of an identified survey). */
final class AnswerTexts {

    private AnswerTexts() {
    }

    static String of(Question q, List<AnswerSheet.Value> values, Locale locale) {
        List<AnswerSheet.Value> mine = values.stream().filter(v -> v.questionId() == q.id()).toList();
        if (mine.isEmpty()) {
            return "";
        }
        List<String> options = q.options(locale);
        return switch (q.kind()) {
            case AGREEMENT_SCALE -> String.valueOf(mine.getFirst().intValue());
            case SINGLE_CHOICE, MULTIPLE_CHOICE, CHOOSE_UP_TO -> mine.stream()
                    .map(v -> option(options, v.intValue())).collect(Collectors.joining("; "));
            case RANKING -> mine.stream().sorted(Comparator.comparing(AnswerSheet.Value::item))
                    .map(v -> v.item() + ". " + option(options, v.intValue())).collect(Collectors.joining("; "));
            case MATRIX -> mine.stream().sorted(Comparator.comparing(AnswerSheet.Value::item))
                    .map(v -> option(options, v.item()) + ": " + step(q, v.intValue(), locale))
                    .collect(Collectors.joining("; "));
            case NUMBER -> mine.getFirst().numberValue().stripTrailingZeros().toPlainString();
            case FREE_TEXT -> mine.getFirst().textValue();
        };
    }

    private static String option(List<String> options, Integer n) {
        return n != null && n >= 1 && n <= options.size() ? options.get(n - 1) : String.valueOf(n);
    }

    private static String step(Question q, Integer n, Locale locale) {
        List<String> scale = q.scale(locale);
        return scale.isEmpty() ? String.valueOf(n) : option(scale, n);
    }
}
