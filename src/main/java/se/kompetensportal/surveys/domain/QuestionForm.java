package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A question as the secretary writes it. Options (a matrix's statements) and a matrix's own scale steps are one per
 * line; the English lists must match the Swedish ones. {@code optionSource} ({@code TRACK} or {@code TARGET_GROUP})
 * makes the options the project's tracks or target groups instead.
 */
public record QuestionForm(
        @NotNull QuestionKind kind,
        @NotBlank @Size(max = 1000) String textSv,
        @NotBlank @Size(max = 1000) String textEn,
        boolean required,
        @Size(max = 4000) String optionsSv,
        @Size(max = 4000) String optionsEn,
        @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]*") String statementKey,
        @NotNull @Min(1) @Max(5) Integer agreeFrom,
        @NotNull @Min(0) @Max(100) Integer targetPercent,
        @Min(1) @Max(30) Integer maxChoices,
        @Size(max = 1000) String scaleSv,
        @Size(max = 1000) String scaleEn,
        @Pattern(regexp = "TRACK|TARGET_GROUP|") String optionSource,
        @Min(1) @Max(999) Integer position,
        Long version) {

    public static QuestionForm empty() {
        return new QuestionForm(QuestionKind.AGREEMENT_SCALE, "", "", true, "", "", "", 4, 60, null, "", "", "", null,
                null);
    }

    public static QuestionForm of(Question q) {
        return new QuestionForm(q.kind(), q.textSv(), q.textEn(), q.required(),
                q.optionSource() != null ? "" : String.join("\n", q.optionsSv()),
                q.optionSource() != null ? "" : String.join("\n", q.optionsEn()),
                q.statementKey() == null ? "" : q.statementKey(), q.agreeFrom(), q.targetPercent(), q.maxChoices(),
                String.join("\n", q.scaleSv()), String.join("\n", q.scaleEn()),
                q.optionSource() == null ? "" : q.optionSource(), q.position(), q.version());
    }

    /** The options come from the project (its tracks or target groups). */
    public boolean projectItems() {
        return optionSource != null && !optionSource.isBlank();
    }
}
