package se.kompetensportal.surveys.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a filled-in evaluation form: the answer to question {@code id} comes in the parameter {@code q<id>} (several
 * values for a multiple choice). Checks every answer against its question and collects a message key per field that
 * is wrong, so the form can be shown again with all its errors at once.
 */
public final class AnswerSheet {

    private AnswerSheet() {
    }

    /** One stored value: a scale step or option number, a number, or a text. */
    public record Value(long questionId, Integer intValue, BigDecimal numberValue, String textValue) {
    }

    /**
     * @param values what will be stored when there are no errors
     * @param errors message key per question field ({@code q<id>}), in question order
     * @param entered what the person entered, per field, to show the form again
     */
    public record Result(List<Value> values, Map<String, String> errors, Map<String, List<String>> entered) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result read(List<Question> questions, Map<String, List<String>> parameters) {
        List<Value> values = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> entered = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> raw = parameters.getOrDefault(q.field(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            entered.put(q.field(), raw);
            if (raw.isEmpty()) {
                if (q.required()) {
                    errors.put(q.field(), "answer.error.required");
                }
                continue;
            }
            String error = switch (q.kind()) {
                case AGREEMENT_SCALE, SINGLE_CHOICE -> {
                    if (raw.size() > 1) {
                        yield "answer.error.oneOnly";
                    }
                    Integer choice = choice(raw.getFirst(), q.choiceCount());
                    if (choice == null) {
                        yield "answer.error.outOfRange";
                    }
                    values.add(new Value(q.id(), choice, null, null));
                    yield null;
                }
                case MULTIPLE_CHOICE -> {
                    Set<Integer> chosen = new HashSet<>();
                    for (String v : raw) {
                        Integer choice = choice(v, q.choiceCount());
                        if (choice == null) {
                            chosen = null;
                            break;
                        }
                        chosen.add(choice);
                    }
                    if (chosen == null) {
                        yield "answer.error.outOfRange";
                    }
                    chosen.stream().sorted().forEach(c -> values.add(new Value(q.id(), c, null, null)));
                    yield null;
                }
                case NUMBER -> {
                    BigDecimal number = number(raw.getFirst());
                    if (number == null) {
                        yield "answer.error.number";
                    }
                    values.add(new Value(q.id(), null, number, null));
                    yield null;
                }
                case FREE_TEXT -> {
                    String text = String.join("\n", raw).strip();
                    if (text.length() > Question.MAX_TEXT) {
                        yield "answer.error.tooLong";
                    }
                    values.add(new Value(q.id(), null, null, text));
                    yield null;
                }
            };
            if (error != null) {
                errors.put(q.field(), error);
                values.removeIf(v -> v.questionId() == q.id());
            }
        }
        return new Result(values, errors, entered);
    }

    private static Integer choice(String value, int count) {
        try {
            int n = Integer.parseInt(value.strip());
            return n >= 1 && n <= count ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal number(String value) {
        String cleaned = value.strip().replace(',', '.').replace(" ", "").replace("\u00a0", "");
        if (cleaned.length() > 14) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(cleaned);
            return n.abs().compareTo(new BigDecimal("9999999999")) > 0 || n.scale() > 2 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
