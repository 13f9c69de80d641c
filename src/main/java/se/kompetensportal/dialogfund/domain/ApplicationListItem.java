package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An application in a list. {@code reviewCount}/{@code averageScore} are filled for staff, {@code myReviews} for
 * reviewers (0 or 1), {@code reportStatus} when a final report exists.
 */
public record ApplicationListItem(long id, String reference, String title, String organisationName,
        ApplicationStatus status, BigDecimal amountRequested, BigDecimal grantedAmount, Instant submittedAt,
        LocalDate reportDue, long fundId, int fundYear, long projectId, ReportStatus reportStatus, long reviewCount,
        Double averageScore, long myReviews) {

    public boolean reportOverdue(LocalDate today) {
        return status == ApplicationStatus.GRANTED && reportDue != null && reportDue.isBefore(today)
                && reportStatus == null;
    }
}
