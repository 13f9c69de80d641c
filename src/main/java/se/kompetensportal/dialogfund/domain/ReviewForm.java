package se.kompetensportal.dialogfund.domain;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's scores, one per criterion of the fund, and comment. */
public record ReviewForm(List<@Valid ScoreForm> scores, @Size(max = 3000) String comment, Long version) {

    public ReviewForm {
        // Rows numbered with a gap (by hand) bind as empty rows in between: they are no scores.
        scores = scores == null ? List.of() : scores.stream().filter(Objects::nonNull).toList();
    }

    /** The score given on one criterion. */
    public record ScoreForm(@NotNull Long criterionId, @NotNull @Min(1) @Max(5) Integer score) {
    }
}
