package se.kompetensportal.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One mapping, follow-up or ad-hoc survey as its pages show it: settings, questions, counts and open links. */
public record SurveyView(long id, long projectId, String projectName, SurveyKind kind, String title, String titleSv,
        String titleEn, boolean identified, Integer followUpMonths, Long activityId, String activityTitle,
        Instant sendDue, EvaluationStatus status, Instant sentAt, LocalDate closesOn, int remindersSent, long version,
        List<Question> questions, long recipients, long answered, long webResponses, long paperResponses,
        Double responsePercent, List<OpenLinkRow> links, boolean ownTexts) {

    /** An open link of the survey, for one actor or for anyone. */
    public record OpenLinkRow(long id, String organisationName, String url, String accessCode) {
    }

    public boolean draft() {
        return status == EvaluationStatus.DRAFT;
    }

    public boolean open() {
        return status == EvaluationStatus.OPEN;
    }

    public long responses() {
        return webResponses + paperResponses;
    }
}
