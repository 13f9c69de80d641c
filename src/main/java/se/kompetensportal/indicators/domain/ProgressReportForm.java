package se.kompetensportal.indicators.domain;

import jakarta.validation.constraints.Size;

/** The horizontal principles' texts of a progress report; {@code version} is the version the secretary started from. */
public record ProgressReportForm(
        @Size(max = 20000) String genderEquality,
        @Size(max = 20000) String accessibility,
        @Size(max = 20000) String nonDiscrimination,
        int version) {
}
