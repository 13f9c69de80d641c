package se.kompetensportal.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An evaluation's own row: one per activity. */
public record Evaluation(long id, long projectId, long activityId, long trackId, EvaluationStatus status,
        Instant sentAt, LocalDate closesOn, int remindersSent, Instant lastReminderAt, long version) {

    /** Whether the link in an invitation may be answered on the given day. */
    public boolean acceptsAnswers(LocalDate today) {
        return status == EvaluationStatus.OPEN && closesOn != null && !today.isAfter(closesOn);
    }
}
