package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A registration of interest: in the next run of an activity ({@code activityId}), or in a track and/or a target group
 * of a project; with the employer among the project's actors if the person wants to say.
 */
public record InterestForm(
        @NotNull Long projectId,
        Long activityId,
        Long trackId,
        Long targetGroupId,
        Long organisationId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email) {
}
