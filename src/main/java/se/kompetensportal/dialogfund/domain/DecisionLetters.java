package se.kompetensportal.dialogfund.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.web.Formats;

/** The decision letter (PDF) sent with the decision mail, in the applicant's language. */
@Component
class DecisionLetters {

    private final PdfRenderer pdf;
    private final Formats formats;

    DecisionLetters(PdfRenderer pdf, Formats formats) {
        this.pdf = pdf;
        this.formats = formats;
    }

    byte[] render(Application a, Fund fund, ProjectInfo project, String decidedBy) {
        Locale locale = DialogFundMails.locale(a);
        Map<String, Object> v = new HashMap<>();
        v.put("reference", a.getReference());
        v.put("decidedOn", formats.date(a.getDecidedOn()));
        v.put("projectName", project.name());
        v.put("projectOwner", project.ownerOrganisation() == null ? project.name() : project.ownerOrganisation());
        v.put("funderReference", project.funderReference() == null ? "" : project.funderReference());
        v.put("year", fund.getYear());
        v.put("organisationName", nullToEmpty(a.getOrganisationName()));
        v.put("organisationNumber", nullToEmpty(a.getOrganisationNumber()));
        v.put("contactName", nullToEmpty(a.getContactName()));
        v.put("title", nullToEmpty(a.getTitle()));
        v.put("period", a.getPlannedStart() == null ? ""
                : a.getPlannedEnd() == null || a.getPlannedEnd().equals(a.getPlannedStart())
                        ? formats.date(a.getPlannedStart())
                        : formats.period(a.getPlannedStart(), a.getPlannedEnd()));
        v.put("amountRequested", formats.number(a.getAmountRequested(), locale));
        v.put("granted", a.getStatus().isGranted());
        v.put("amountGranted", formats.number(a.getGrantedAmount(), locale));
        v.put("reason", nullToEmpty(a.getDecisionReason()));
        v.put("reportDue", formats.date(a.getReportDue()));
        v.put("decidedBy", decidedBy);
        return pdf.render("pdf/dialogfund/decision-letter", v, locale);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
