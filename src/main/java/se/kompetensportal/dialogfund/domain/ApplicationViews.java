package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Builds the {@link ApplicationDetails} view of an application (three queries: fund details, files, report). */
@Component
class ApplicationViews {

    private final FundSummaries funds;
    private final AttachmentRepository attachments;
    private final FinalReportRepository reports;

    ApplicationViews(FundSummaries funds, AttachmentRepository attachments, FinalReportRepository reports) {
        this.funds = funds;
        this.attachments = attachments;
        this.reports = reports;
    }

    ApplicationDetails details(Application a, Fund fund, LocalDate today) {
        FundSummary summary = funds.of(fund, today);
        FinalReport report = reports.findById(a.getId()).orElse(null);
        boolean overdue = a.getStatus() == ApplicationStatus.GRANTED && a.getReportDue() != null
                && a.getReportDue().isBefore(today) && report == null;
        return new ApplicationDetails(a.getId(), a.getReference(), a.getStatus(), summary, a.getOrganisationName(),
                a.getOrganisationNumber(), a.getOrganisationKind(), a.getMunicipality(), a.getContactName(),
                a.getContactEmail(), a.getContactPhone(), a.getTitle(), a.getDescription(), a.getTargetGroups(),
                a.getPlannedStart(), a.getPlannedEnd(), a.getPlace(), a.getExpectedWomen(), a.getExpectedMen(),
                a.getExpectedNewcomers(), a.getExpectedLongTimeResidents(), a.getPartners(),
                a.getBudgetLines().stream()
                        .map(l -> new ApplicationDetails.BudgetLineView(l.getDescription(), l.getAmount())).toList(),
                a.budgetTotal(), a.getAmountRequested(), a.getSubmittedAt(), a.getGrantedAmount(),
                a.getDecisionReason(), a.getDecidedOn(), a.getReportDue(), overdue, a.getPaymentRequestedOn(),
                a.getPaidOn(), a.getCarriedOutOn(),
                attachments.findByApplicationIdOrderById(a.getId()).stream()
                        .map(f -> new ApplicationDetails.AttachmentView(f.getId(), f.getFilename(), f.getContentType(),
                                f.getSizeBytes(), f.getPurpose()))
                        .toList(),
                report == null ? null : report(report), a.getVersion());
    }

    static ApplicationDetails.ReportView report(FinalReport r) {
        return new ApplicationDetails.ReportView(r.getStatus(), r.getSummary(), r.getHeldOn(), r.getHeldUntil(),
                r.getParticipantsWomen(), r.getParticipantsMen(), r.getParticipantsNewcomers(),
                r.getParticipantsLongTimeResidents(), r.getActualCosts(), r.getCostComment(), r.getSubmittedAt(),
                r.getReturnComment(), r.getApprovedAt(), r.getVersion() == null ? 0 : r.getVersion());
    }
}
