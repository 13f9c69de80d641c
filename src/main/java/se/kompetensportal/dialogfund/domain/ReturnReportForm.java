package se.kompetensportal.dialogfund.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the secretary returns a final report to the applicant for completion. */
public record ReturnReportForm(@NotBlank @Size(max = 2000) String comment) {
}
