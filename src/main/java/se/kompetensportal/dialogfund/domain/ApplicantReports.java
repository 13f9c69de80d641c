package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The applicant's final report on a granted application: written (and rewritten) until the secretary approves it. */
@Service
public class ApplicantReports {

    private final FinalReportRepository reports;
    private final FundRepository funds;
    private final ApplicationAccess access;
    private final FundSummaries summaries;
    private final DialogFundMails mails;
    private final Clock clock;

    ApplicantReports(FinalReportRepository reports, FundRepository funds, ApplicationAccess access,
            FundSummaries summaries, DialogFundMails mails, Clock clock) {
        this.reports = reports;
        this.funds = funds;
        this.access = access;
        this.summaries = summaries;
        this.mails = mails;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FinalReportForm reportForm(PortalUser user, long id) {
        Application a = access.owned(user, id);
        FinalReport report = requireReportEditable(reports, a);
        if (report == null) {
            return FinalReportForm.empty();
        }
        return new FinalReportForm(report.getSummary(), report.getHeldOn(), report.getHeldUntil(),
                report.getParticipantsWomen(), report.getParticipantsMen(), report.getParticipantsNewcomers(),
                report.getParticipantsLongTimeResidents(), report.getActualCosts(), report.getCostComment(),
                report.getVersion());
    }

    @Transactional
    public void submitReport(PortalUser user, long id, FinalReportForm form) {
        Application a = access.owned(user, id);
        FinalReport report = requireReportEditable(reports, a);
        if (report != null && (form.version() == null || !form.version().equals(report.getVersion()))) {
            throw new ConcurrentEditException("Final report", id);
        }
        if (form.heldOn().isAfter(LocalDate.now(clock))) {
            throw new FieldRejectedException("heldOn", "dialogfund.report.heldOnFuture");
        }
        FinalReport target = report == null ? new FinalReport(a.getId()) : report;
        target.submit(form, clock.instant());
        reports.saveAndFlush(target);
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        mails.toSecretaries(a, fund, summaries.of(fund, LocalDate.now(clock)).projectName(), true);
    }

    /** The report of a granted application that the applicant may still write; null if none is written yet. */
    static FinalReport requireReportEditable(FinalReportRepository reports, Application a) {
        if (a.getStatus() != ApplicationStatus.GRANTED) {
            throw new BusinessRuleException("dialogfund.report.notPossible");
        }
        FinalReport report = reports.findById(a.getId()).orElse(null);
        if (report != null && !report.isEditable()) {
            throw new BusinessRuleException("dialogfund.report.alreadySubmitted");
        }
        return report;
    }
}
