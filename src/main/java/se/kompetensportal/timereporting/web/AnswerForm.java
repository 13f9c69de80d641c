package se.kompetensportal.timereporting.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;

/**
 * A participant's answer for a month: the version of the month they saw, and for "Something is wrong" what is wrong.
 */
record AnswerForm(@NotNull Long version, @Size(max = 2000) String comment) {

    static AnswerForm of(long version) {
        return new AnswerForm(version, null);
    }

    /** "Something is wrong" needs a comment saying what. */
    void requireComment(BindingResult result) {
        if (comment == null || comment.isBlank()) {
            result.rejectValue("comment", "time.answer.commentRequired");
        }
    }
}
