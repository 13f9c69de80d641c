package se.kompetensportal.dialogfund.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A criterion reviewers score applications on. */
public record CriterionForm(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String description) {

    public static CriterionForm empty() {
        return new CriterionForm(null, null);
    }
}
