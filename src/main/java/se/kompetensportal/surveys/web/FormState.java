package se.kompetensportal.surveys.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.kompetensportal.surveys.domain.AnswerSheet;
import se.kompetensportal.surveys.domain.Question;

/** What an answer form shows again after a failed submit: what was entered and the error per question. */
public record FormState(List<Question> questions, Map<String, String> errors, Map<String, List<String>> entered) {

    public record Error(String target, String questionText, String messageKey, int choices) {
    }

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

    /** The errors in question order, each with the element the summary's link moves focus to. */
    public List<Error> errorList(java.util.Locale locale) {
        List<Error> list = new ArrayList<>();
        for (Question q : questions) {
            String key = errors.get(q.field());
            if (key != null) {
                String target = q.kind().counted() ? q.field() + "-1" : q.field();
                list.add(new Error(target, q.text(locale), key, q.choiceCount()));
            }
        }
        return list;
    }
}
