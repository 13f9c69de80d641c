package se.kompetensportal.surveys.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a filled-in survey form: the answer to question {@code id} comes in the parameter {@code q<id>} (several values
 * for a multiple choice), a matrix's row {@code n} in {@code q<id>-n} (the step) and a ranking's option {@code n} in
 * {@code q<id>-n} (its place). Checks every answer against its question and collects a message key per question that
 * is wrong, so the form can be shown again with all its errors at once.
 */
public final class AnswerSheet {

    private AnswerSheet() {
    }

    /**
     * One stored value: a scale step or option number, a number, or a text; {@code item} is the row of a matrix (its
     * value the step) or the place given in a ranking (its value the option).
     */
    public record Value(long questionId, Integer intValue, BigDecimal numberValue, String textValue, Integer item) {

        public Value(long questionId, Integer intValue, BigDecimal numberValue, String textValue) {
            this(questionId, intValue, numberValue, textValue, null);
        }
    }

    /**
     * @param values what will be stored when there are no errors
     * @param errors message key per question field ({@code q<id>}), in question order
     * @param entered what the person entered, per field (a matrix's and ranking's per row), to show the form again
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
            String error = switch (q.kind()) {
                case MATRIX -> matrix(q, parameters, values, entered);
                case RANKING -> ranking(q, parameters, values, entered);
                default -> single(q, parameters, values, entered);
            };
            if (error != null) {
                errors.put(q.field(), error);
                values.removeIf(v -> v.questionId() == q.id());
            }
        }
        return new Result(values, errors, entered);
    }

    private static List<String> raw(Map<String, List<String>> parameters, String field, Map<String, List<String>> entered) {
        List<String> raw = parameters.getOrDefault(field, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
        entered.put(field, raw);
        return raw;
    }

    private static String single(Question q, Map<String, List<String>> parameters, List<Value> values,
            Map<String, List<String>> entered) {
        List<String> raw = raw(parameters, q.field(), entered);
        if (raw.isEmpty()) {
            return q.required() ? "answer.error.required" : null;
        }
        return switch (q.kind()) {
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
            case MULTIPLE_CHOICE, CHOOSE_UP_TO -> {
                Set<Integer> chosen = new HashSet<>();
                for (String v : raw) {
                    Integer choice = choice(v, q.choiceCount());
                    if (choice == null) {
                        yield "answer.error.outOfRange";
                    }
                    chosen.add(choice);
                }
                if (q.kind() == QuestionKind.CHOOSE_UP_TO && chosen.size() > q.maxChoices()) {
                    yield "answer.error.tooMany";
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
            case MATRIX, RANKING -> throw new IllegalStateException(q.kind().name());
        };
    }

    /** Each statement of a matrix on its own line; a required matrix needs them all. */
    private static String matrix(Question q, Map<String, List<String>> parameters, List<Value> values,
            Map<String, List<String>> entered) {
        int rows = q.optionsSv().size();
        int answered = 0;
        String error = null;
        for (int row = 1; row <= rows; row++) {
            List<String> raw = raw(parameters, q.field(row), entered);
            if (raw.isEmpty()) {
                continue;
            }
            Integer step = raw.size() == 1 ? choice(raw.getFirst(), q.scaleSteps()) : null;
            if (step == null) {
                error = raw.size() > 1 ? "answer.error.oneOnly" : "answer.error.outOfRange";
                continue;
            }
            values.add(new Value(q.id(), step, null, null, row));
            answered++;
        }
        if (error != null) {
            return error;
        }
        if (q.required() && answered < rows) {
            return answered == 0 ? "answer.error.required" : "answer.error.everyRow";
        }
        return null;
    }

    /**
     * A ranking: each option may get a place 1..n; the places given must be 1, 2, 3 … without gaps or repeats. A
     * required ranking needs every option placed.
     */
    private static String ranking(Question q, Map<String, List<String>> parameters, List<Value> values,
            Map<String, List<String>> entered) {
        int options = q.optionsSv().size();
        TreeMap<Integer, Integer> optionAt = new TreeMap<>();
        String error = null;
        for (int option = 1; option <= options; option++) {
            List<String> raw = raw(parameters, q.field(option), entered);
            if (raw.isEmpty()) {
                continue;
            }
            Integer place = raw.size() == 1 ? choice(raw.getFirst(), options) : null;
            if (place == null) {
                error = "answer.error.outOfRange";
            } else if (optionAt.putIfAbsent(place, option) != null) {
                error = "answer.error.rankTwice";
            }
        }
        if (error != null) {
            return error;
        }
        if (optionAt.isEmpty()) {
            return q.required() ? "answer.error.required" : null;
        }
        if (optionAt.lastKey() != optionAt.size() || q.required() && optionAt.size() < options) {
            return q.required() && optionAt.size() < options ? "answer.error.rankAll" : "answer.error.rankGap";
        }
        optionAt.forEach((place, option) -> values.add(new Value(q.id(), option, null, null, place)));
        return null;
    }

    /** The target group the respondent chose in a question listing the project's target groups, if any. */
    static Long chosenTargetGroup(List<Question> questions, List<Value> values) {
        for (Question q : questions) {
            if (q.listsTargetGroups() && q.kind() == QuestionKind.SINGLE_CHOICE) {
                for (Value v : values) {
                    if (v.questionId() == q.id() && v.intValue() != null && v.intValue() <= q.optionIds().size()) {
                        return q.optionIds().get(v.intValue() - 1);
                    }
                }
            }
        }
        return null;
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
