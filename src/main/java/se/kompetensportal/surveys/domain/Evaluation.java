package se.kompetensportal.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A survey's own row: a course evaluation (one per activity) or a mapping, follow-up or ad-hoc survey.
 *
 * @param activityId     the activity of a course evaluation or follow-up, otherwise {@code null}
 * @param trackId        the activity's track, otherwise {@code null}
 * @param titleSv        the title of a mapping or ad-hoc survey (course evaluations and follow-ups use the activity's)
 * @param identified     responses are linked to their invitation (the respondents are told); never for evaluations
 * @param followUpMonths for a follow-up: how many months after the activity's last session it is sent
 */
public record Evaluation(long id, long projectId, Long activityId, Long trackId, EvaluationStatus status,
        Instant sentAt, LocalDate closesOn, int remindersSent, Instant lastReminderAt, long version, SurveyKind kind,
        String titleSv, String titleEn, boolean identified, Integer followUpMonths) {

    /** Whether the link in an invitation may be answered on the given day. */
    public boolean acceptsAnswers(LocalDate today) {
        return status == EvaluationStatus.OPEN && closesOn != null && !today.isAfter(closesOn);
    }

    /** The survey's own title in the language, for kinds that have one. */
    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : titleSv;
    }
}
