package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.shared.web.BusinessRuleException;

/**
 * An application to a dialog fund. The applicant edits it while it is a draft; submitting gives it a reference number
 * and freezes it; the secretary then decides it, records the payment and approves the final report.
 */
@Entity
@Table(name = "dialog_application")
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_application_seq")
    @SequenceGenerator(name = "dialog_application_seq", sequenceName = "dialog_application_seq", allocationSize = 50)
    private Long id;

    private long fundId;
    private long ownerId;

    @Enumerated(EnumType.STRING)
    private ApplicationStatus status = ApplicationStatus.DRAFT;

    private String reference;
    private String locale = "sv";

    private String organisationName;
    private String organisationNumber;
    @Enumerated(EnumType.STRING)
    private OrganisationType organisationKind;
    private String municipality;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String title;
    private String description;
    private String targetGroups;
    private LocalDate plannedStart;
    private LocalDate plannedEnd;
    private String place;
    private Integer expectedWomen;
    private Integer expectedMen;
    private Integer expectedNewcomers;
    private Integer expectedLongTimeResidents;
    private String partners;
    private BigDecimal amountRequested;

    @ElementCollection
    @CollectionTable(name = "dialog_budget_line", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<BudgetLine> budgetLines = new ArrayList<>();

    private Instant submittedAt;
    private Instant reviewStartedAt;
    private BigDecimal grantedAmount;
    private String decisionReason;
    private LocalDate decidedOn;
    private Long decidedBy;
    private LocalDate reportDue;
    private LocalDate paymentRequestedOn;
    private LocalDate paidOn;
    private LocalDate carriedOutOn;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Application() {
    }

    public Application(long fundId, long ownerId, String locale) {
        this.fundId = fundId;
        this.ownerId = ownerId;
        this.locale = locale;
    }

    public void requireDraft() {
        if (status != ApplicationStatus.DRAFT) {
            throw new BusinessRuleException("dialogfund.application.notDraft", reference);
        }
    }

    /** Copies the applicant's form (already normalised by the service) into the draft. */
    public void update(ApplicationForm f, String normalisedOrgNumber, List<BudgetLine> lines, String locale,
            Instant now) {
        requireDraft();
        organisationName = Texts.blankToNull(f.organisationName());
        organisationNumber = normalisedOrgNumber;
        organisationKind = f.organisationKind();
        municipality = Texts.blankToNull(f.municipality());
        contactName = Texts.blankToNull(f.contactName());
        contactEmail = Texts.blankToNull(f.contactEmail());
        contactPhone = Texts.blankToNull(f.contactPhone());
        title = Texts.blankToNull(f.title());
        description = Texts.blankToNull(f.description());
        targetGroups = Texts.blankToNull(f.targetGroups());
        plannedStart = f.plannedStart();
        plannedEnd = f.plannedEnd();
        place = Texts.blankToNull(f.place());
        expectedWomen = f.expectedWomen();
        expectedMen = f.expectedMen();
        expectedNewcomers = f.expectedNewcomers();
        expectedLongTimeResidents = f.expectedLongTimeResidents();
        partners = Texts.blankToNull(f.partners());
        amountRequested = f.amountRequested();
        budgetLines.clear();
        budgetLines.addAll(lines);
        this.locale = locale;
        updatedAt = now;
    }

    public void submit(String reference, Instant now) {
        requireDraft();
        this.reference = reference;
        this.status = ApplicationStatus.SUBMITTED;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    public void startReview(Instant now) {
        if (status == ApplicationStatus.SUBMITTED) {
            status = ApplicationStatus.UNDER_REVIEW;
            reviewStartedAt = now;
            updatedAt = now;
        }
    }

    public void requireAwaitingDecision() {
        if (status == ApplicationStatus.DRAFT) {
            throw new BusinessRuleException("dialogfund.decision.draft");
        }
        if (!status.isAwaitingDecision()) {
            throw new BusinessRuleException("dialogfund.decision.alreadyDecided", reference);
        }
    }

    public void grant(BigDecimal amount, String reason, LocalDate today, long decidedBy, int reportDueDays,
            Instant now) {
        requireAwaitingDecision();
        status = ApplicationStatus.GRANTED;
        grantedAmount = amount;
        decisionReason = reason;
        decidedOn = today;
        this.decidedBy = decidedBy;
        LocalDate end = plannedEnd != null ? plannedEnd : plannedStart != null ? plannedStart : today;
        reportDue = (end.isBefore(today) ? today : end).plusDays(reportDueDays);
        updatedAt = now;
    }

    public void reject(String reason, LocalDate today, long decidedBy, Instant now) {
        requireAwaitingDecision();
        status = ApplicationStatus.REJECTED;
        decisionReason = reason;
        decidedOn = today;
        this.decidedBy = decidedBy;
        updatedAt = now;
    }

    public void requireGranted() {
        if (status != ApplicationStatus.GRANTED) {
            throw new BusinessRuleException("dialogfund.application.notGranted", reference);
        }
    }

    public void paymentRequested(LocalDate day) {
        if (!status.isGranted()) {
            throw new BusinessRuleException("dialogfund.application.notGranted", reference);
        }
        if (paymentRequestedOn == null) {
            paymentRequestedOn = day;
        }
    }

    public void paid(LocalDate day) {
        paymentRequested(day);
        if (paidOn == null) {
            paidOn = day;
        }
    }

    public void carriedOut(LocalDate day, Instant now) {
        requireGranted();
        status = ApplicationStatus.CARRIED_OUT;
        carriedOutOn = day;
        updatedAt = now;
    }

    public BigDecimal budgetTotal() {
        return budgetLines.stream().map(BudgetLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() { return id; }
    public long getFundId() { return fundId; }
    public long getOwnerId() { return ownerId; }
    public ApplicationStatus getStatus() { return status; }
    public String getReference() { return reference; }
    public String getLocale() { return locale; }
    public String getOrganisationName() { return organisationName; }
    public String getOrganisationNumber() { return organisationNumber; }
    public OrganisationType getOrganisationKind() { return organisationKind; }
    public String getMunicipality() { return municipality; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getTargetGroups() { return targetGroups; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public LocalDate getPlannedEnd() { return plannedEnd; }
    public String getPlace() { return place; }
    public Integer getExpectedWomen() { return expectedWomen; }
    public Integer getExpectedMen() { return expectedMen; }
    public Integer getExpectedNewcomers() { return expectedNewcomers; }
    public Integer getExpectedLongTimeResidents() { return expectedLongTimeResidents; }
    public String getPartners() { return partners; }
    public BigDecimal getAmountRequested() { return amountRequested; }
    public List<BudgetLine> getBudgetLines() { return budgetLines; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getReviewStartedAt() { return reviewStartedAt; }
    public BigDecimal getGrantedAmount() { return grantedAmount; }
    public String getDecisionReason() { return decisionReason; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public Long getDecidedBy() { return decidedBy; }
    public LocalDate getReportDue() { return reportDue; }
    public LocalDate getPaymentRequestedOn() { return paymentRequestedOn; }
    public LocalDate getPaidOn() { return paidOn; }
    public LocalDate getCarriedOutOn() { return carriedOutOn; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
