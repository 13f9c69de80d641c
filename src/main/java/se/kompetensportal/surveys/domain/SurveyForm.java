package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new mapping, follow-up or ad-hoc survey. A mapping or ad-hoc survey needs a title (the English one defaults to the
 * Swedish); a follow-up needs its activity and how many months after the activity's last session it is sent. It may
 * start from a template of its kind.
 */
public record SurveyForm(
        @NotNull Long projectId,
        @NotNull SurveyKind kind,
        @Size(max = 200) String titleSv,
        @Size(max = 200) String titleEn,
        Boolean identified,
        Long activityId,
        @Min(1) @Max(36) Integer followUpMonths,
        Long templateId) {

    /** Whether the secretary asked for an identified survey (an unchecked box sends nothing). */
    public boolean identifiedChosen() {
        return Boolean.TRUE.equals(identified);
    }

    public static SurveyForm empty(long projectId) {
        return new SurveyForm(projectId, SurveyKind.MAPPING, "", "", false, null, 6, null);
    }
}
