package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.shared.web.BusinessRuleException;

/** What a granted activity turned out to be: what happened, when, who took part, and what it cost. */
@Entity
@Table(name = "dialog_final_report")
public class FinalReport {

    @Id
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    private ReportStatus status;

    private String summary;
    private LocalDate heldOn;
    private LocalDate heldUntil;
    private int participantsWomen;
    private int participantsMen;
    private int participantsNewcomers;
    private int participantsLongTimeResidents;
    private BigDecimal actualCosts;
    private String costComment;
    private Instant submittedAt;
    private String returnComment;
    private Instant approvedAt;

    /** A wrapper, so that a report not yet saved is recognised as new and inserted without a lookup. */
    @Version
    private Long version;

    protected FinalReport() {
    }

    public FinalReport(long applicationId) {
        this.applicationId = applicationId;
    }

    public void submit(FinalReportForm f, Instant now) {
        if (status == ReportStatus.APPROVED || status == ReportStatus.SUBMITTED) {
            throw new BusinessRuleException("dialogfund.report.alreadySubmitted");
        }
        summary = f.summary().strip();
        heldOn = f.heldOn();
        heldUntil = f.heldUntil();
        participantsWomen = f.participantsWomen();
        participantsMen = f.participantsMen();
        participantsNewcomers = f.participantsNewcomers();
        participantsLongTimeResidents = f.participantsLongTimeResidents();
        actualCosts = f.actualCosts();
        costComment = Texts.blankToNull(f.costComment());
        status = ReportStatus.SUBMITTED;
        submittedAt = now;
    }

    public void approve(Instant now) {
        requireSubmitted();
        status = ReportStatus.APPROVED;
        approvedAt = now;
        returnComment = null;
    }

    public void returnForCompletion(String comment) {
        requireSubmitted();
        status = ReportStatus.RETURNED;
        returnComment = comment.strip();
    }

    private void requireSubmitted() {
        if (status != ReportStatus.SUBMITTED) {
            throw new BusinessRuleException("dialogfund.report.notSubmitted");
        }
    }

    public boolean isEditable() {
        return status == null || status == ReportStatus.RETURNED;
    }

    public Long getApplicationId() { return applicationId; }
    public ReportStatus getStatus() { return status; }
    public String getSummary() { return summary; }
    public LocalDate getHeldOn() { return heldOn; }
    public LocalDate getHeldUntil() { return heldUntil; }
    public int getParticipantsWomen() { return participantsWomen; }
    public int getParticipantsMen() { return participantsMen; }
    public int getParticipantsNewcomers() { return participantsNewcomers; }
    public int getParticipantsLongTimeResidents() { return participantsLongTimeResidents; }
    public BigDecimal getActualCosts() { return actualCosts; }
    public String getCostComment() { return costComment; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getReturnComment() { return returnComment; }
    public Instant getApprovedAt() { return approvedAt; }
    public Long getVersion() { return version; }
}
