package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A question the secretary adds to an activity's sign-up form. Options (one a line) only for a choice; a question
 * marked {@code accessibility} needs a purpose, which the form shows to the participant.
 */
public record SignUpQuestionForm(
        @NotNull SignUpQuestion.Kind kind,
        Boolean required,
        @NotBlank @Size(max = 300) String textSv,
        @Size(max = 300) String textEn,
        @Size(max = 2000) String optionsSv,
        @Size(max = 2000) String optionsEn,
        Boolean accessibility,
        @Size(max = 500) String purposeSv,
        @Size(max = 500) String purposeEn) {

    public static SignUpQuestionForm empty() {
        return new SignUpQuestionForm(SignUpQuestion.Kind.TEXT, false, null, null, null, null, false, null, null);
    }

    boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    boolean forAccessibility() {
        return Boolean.TRUE.equals(accessibility);
    }
}
