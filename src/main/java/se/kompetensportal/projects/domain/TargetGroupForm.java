package se.kompetensportal.projects.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Code and name of a target group. */
public record TargetGroupForm(
        @NotBlank @Size(max = 10) @Pattern(regexp = "^[\\p{L}0-9.\\-]*$") String code,
        @NotBlank @Size(max = 300) String name,
        Long version) {

    public static TargetGroupForm empty() {
        return new TargetGroupForm(null, null, null);
    }
}
