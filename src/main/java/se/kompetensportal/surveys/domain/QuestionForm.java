package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A question as the secretary writes it. Options are one per line; the English list must match the Swedish one.
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
        @Min(1) @Max(999) Integer position,
        Long version) {

    public static QuestionForm empty() {
        return new QuestionForm(QuestionKind.AGREEMENT_SCALE, "", "", true, "", "", "", 4, 60, null, null);
    }

    public static QuestionForm of(Question q) {
        return new QuestionForm(q.kind(), q.textSv(), q.textEn(), q.required(), String.join("\n", q.optionsSv()),
                String.join("\n", q.optionsEn()), q.statementKey() == null ? "" : q.statementKey(), q.agreeFrom(),
                q.targetPercent(), q.position(), q.version());
    }
}
