package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** A draft survey's title, anonymity and (for a follow-up) delay, with the version the form was opened with. */
public record SurveySettingsForm(
        @Size(max = 200) String titleSv,
        @Size(max = 200) String titleEn,
        Boolean identified,
        @Min(1) @Max(36) Integer followUpMonths,
        long version) {

    /** Whether the secretary asked for an identified survey (an unchecked box sends nothing). */
    public boolean identifiedChosen() {
        return Boolean.TRUE.equals(identified);
    }
}
