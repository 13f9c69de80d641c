package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything about one application, as the applicant, the secretary and reviewers see it. */
public record ApplicationDetails(long id, String reference, ApplicationStatus status, FundSummary fund,
        String organisationName, String organisationNumber, OrganisationType organisationKind, String municipality,
        String contactName, String contactEmail, String contactPhone, String title, String description,
        String targetGroups, LocalDate plannedStart, LocalDate plannedEnd, String place, Integer expectedWomen,
        Integer expectedMen, Integer expectedNewcomers, Integer expectedLongTimeResidents, String partners,
        List<BudgetLineView> budgetLines, BigDecimal budgetTotal, BigDecimal amountRequested, Instant submittedAt,
        BigDecimal grantedAmount, String decisionReason, LocalDate decidedOn, LocalDate reportDue,
        boolean reportOverdue, LocalDate paymentRequestedOn, LocalDate paidOn, LocalDate carriedOutOn,
        List<AttachmentView> attachments, ReportView report, long version) {

    public boolean isDraft() {
        return status == ApplicationStatus.DRAFT;
    }

    public boolean isDecided() {
        return status == ApplicationStatus.GRANTED || status == ApplicationStatus.REJECTED
                || status == ApplicationStatus.CARRIED_OUT;
    }

    public List<AttachmentView> applicationAttachments() {
        return attachments.stream().filter(a -> a.purpose() == AttachmentPurpose.APPLICATION).toList();
    }

    public List<AttachmentView> reportAttachments() {
        return attachments.stream().filter(a -> a.purpose() == AttachmentPurpose.REPORT).toList();
    }

    /** The applicant may write (or complete) the final report. */
    public boolean reportEditable() {
        return status == ApplicationStatus.GRANTED && (report == null || report.status() == ReportStatus.RETURNED);
    }

    public record BudgetLineView(String description, BigDecimal amount) {
    }

    public record AttachmentView(long id, String filename, String contentType, int sizeBytes,
            AttachmentPurpose purpose) {

        /** Size in kilobytes, rounded up, for display. */
        public long kilobytes() {
            return (sizeBytes + 1023L) / 1024L;
        }
    }

    public record ReportView(ReportStatus status, String summary, LocalDate heldOn, LocalDate heldUntil,
            int participantsWomen, int participantsMen, int participantsNewcomers, int participantsLongTimeResidents,
            BigDecimal actualCosts, String costComment, Instant submittedAt, String returnComment, Instant approvedAt,
            long version) {
    }
}
