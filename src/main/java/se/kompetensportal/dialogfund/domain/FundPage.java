package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.kompetensportal.dialogfund.FundFigures;

/** The secretary's page of a fund: settings, figures, periods, criteria, reviewers and applications by status. */
public record FundPage(FundSummary fund, FundFigures figures, int reportDueDays, String municipalities,
        List<PeriodRow> periods, List<FundSummary.CriterionView> criteria, List<ReviewerOption> reviewers,
        List<ApplicationListItem> applications, Map<ApplicationStatus, Long> counts, ApplicationStatus filter,
        LocalDate today) {

    public long count(ApplicationStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public ApplicationStatus[] statuses() {
        return ApplicationStatus.values();
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public BigDecimal remaining() {
        return figures.remainingAmount();
    }

    /** An application period and where today is relative to it. */
    public record PeriodRow(long id, LocalDate opensOn, LocalDate closesOn, PeriodState state) {
    }

    public enum PeriodState { PAST, OPEN, UPCOMING }

    /** A steering-group member of the project, and whether they review this fund. */
    public record ReviewerOption(long userId, String name, String email, boolean selected) {
    }
}
