package se.kompetensportal.surveys.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.kompetensportal.surveys.domain.AnswerSheet;
import se.kompetensportal.surveys.domain.Question;

/**
 * What an answer form shows again after a failed submit: what was entered and the error per question (and for an open
 * link's access code, under the field {@code accessCode}).
 */
public record FormState(List<Question> questions, Map<String, String> errors, Map<String, List<String>> entered) {

    /**
     * One error of the summary.
     *
     * @param target   the element the summary's link moves focus to
     * @param choices  the number of steps or options (message argument 0)
     * @param max      a "choose up to N" question's N (message argument 2)
     */
    public record Error(String target, String questionText, String messageKey, int choices, Integer max) {
    }

    public static final String CODE = "accessCode";

    static FormState empty(List<Question> questions) {
        return new FormState(questions, Map.of(), Map.of());
    }

    static FormState of(List<Question> questions, AnswerSheet.Result result) {
        return new FormState(questions, result.errors(), result.entered());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean checked(String field, int choice) {
        return entered.getOrDefault(field, List.of()).contains(String.valueOf(choice));
    }

    public String value(String field) {
        List<String> values = entered.getOrDefault(field, List.of());
        return values.isEmpty() ? "" : values.getFirst();
    }

    /** The errors in question order (the access code's first), each with the element to move focus to. */
    public List<Error> errorList(Locale locale) {
        List<Error> list = new ArrayList<>();
        if (errors.containsKey(CODE)) {
            list.add(new Error(CODE, null, errors.get(CODE), 0, null));
        }
        for (Question q : questions) {
            String key = errors.get(q.field());
            if (key != null) {
                list.add(new Error(q.firstInputId(), q.text(locale), key, q.choiceCount(), q.maxChoices()));
            }
        }
        return list;
    }
}
