package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * A project's dialog fund for one year: the amount to hand out, the largest grant one application may ask for, and
 * what remains. The remainder only changes under a row lock ({@link FundRepository#lockById}), and the database refuses
 * a negative one.
 */
@Entity
@Table(name = "dialog_fund")
public class Fund {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_fund_seq")
    @SequenceGenerator(name = "dialog_fund_seq", sequenceName = "dialog_fund_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private int year;
    private BigDecimal totalAmount;
    private BigDecimal remainingAmount;
    private BigDecimal maxPerApplication;
    private String description;
    private String municipalities;
    private int reportDueDays = 30;
    private int targetApplications = 10;
    private int targetCarriedOut = 5;
    private Instant createdAt = Instant.now();

    @ElementCollection
    @CollectionTable(name = "dialog_fund_reviewer", joinColumns = @JoinColumn(name = "fund_id"))
    @Column(name = "user_id")
    private Set<Long> reviewerIds = new HashSet<>();

    @Version
    private long version;

    protected Fund() {
    }

    public Fund(long projectId, int year, BigDecimal totalAmount, BigDecimal maxPerApplication) {
        this.projectId = projectId;
        this.year = year;
        this.totalAmount = totalAmount;
        this.remainingAmount = totalAmount;
        this.maxPerApplication = maxPerApplication;
    }

    /** Takes a grant from what remains; refused (on the amount field) if it is more than that. */
    public void grant(BigDecimal amount) {
        if (amount.compareTo(remainingAmount) > 0) {
            throw new FieldRejectedException("amount", "dialogfund.decision.aboveRemaining", remainingAmount);
        }
        remainingAmount = remainingAmount.subtract(amount);
    }

    /** Changes the total; what has been granted stays granted, so the total cannot go below it. */
    public void changeTotal(BigDecimal newTotal) {
        BigDecimal granted = totalAmount.subtract(remainingAmount);
        if (newTotal.compareTo(granted) < 0) {
            throw new FieldRejectedException("totalAmount", "dialogfund.fund.totalBelowGranted", granted);
        }
        remainingAmount = newTotal.subtract(granted);
        totalAmount = newTotal;
    }

    public List<String> municipalityList() {
        if (municipalities == null || municipalities.isBlank()) {
            return List.of();
        }
        return Arrays.stream(municipalities.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public BigDecimal getRemainingAmount() { return remainingAmount; }
    public BigDecimal getMaxPerApplication() { return maxPerApplication; }
    public void setMaxPerApplication(BigDecimal maxPerApplication) { this.maxPerApplication = maxPerApplication; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getMunicipalities() { return municipalities; }
    public void setMunicipalities(String municipalities) { this.municipalities = municipalities; }
    public int getReportDueDays() { return reportDueDays; }
    public void setReportDueDays(int reportDueDays) { this.reportDueDays = reportDueDays; }
    public int getTargetApplications() { return targetApplications; }
    public void setTargetApplications(int targetApplications) { this.targetApplications = targetApplications; }
    public int getTargetCarriedOut() { return targetCarriedOut; }
    public void setTargetCarriedOut(int targetCarriedOut) { this.targetCarriedOut = targetCarriedOut; }
    public Set<Long> getReviewerIds() { return reviewerIds; }
    public long getVersion() { return version; }
}
