package se.kompetensportal.participants.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A question an activity asks at sign-up, in Swedish and (optionally) English. A choice question's options are one a
 * line; its answer is stored as the option's number (from 0), a yes/no answer as {@code YES} or {@code NO}.
 *
 * @param accessibility marked by the secretary as needed for accessibility: only such a question may ask for
 *                      sensitive data, and the form shows its purpose
 */
public record SignUpQuestion(long id, long activityId, int position, Kind kind, boolean required, String textSv,
        String textEn, String optionsSv, String optionsEn, boolean accessibility, String purposeSv,
        String purposeEn) {

    public enum Kind { TEXT, CHOICE, YES_NO }

    public String text(Locale locale) {
        return english(locale) && textEn != null ? textEn : textSv;
    }

    public String purpose(Locale locale) {
        return english(locale) && purposeEn != null ? purposeEn : purposeSv;
    }

    /** The options in the language; the Swedish ones where the English list is missing or shorter. */
    public List<String> options(Locale locale) {
        List<String> sv = lines(optionsSv);
        List<String> en = lines(optionsEn);
        if (!english(locale) || en.size() != sv.size()) {
            return sv;
        }
        return en;
    }

    /** A stored answer as the person reads it ({@code yesNo} are the words for YES and NO). */
    public String display(String answer, Locale locale, String yes, String no) {
        if (answer == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> answer;
            case YES_NO -> "YES".equals(answer) ? yes : no;
            case CHOICE -> {
                List<String> options = options(locale);
                int i = answer.matches("\\d{1,3}") ? Integer.parseInt(answer) : -1;
                yield i >= 0 && i < options.size() ? options.get(i) : answer;
            }
        };
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
