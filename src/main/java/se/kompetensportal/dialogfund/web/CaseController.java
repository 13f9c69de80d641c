package se.kompetensportal.dialogfund.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.dialogfund.domain.CaseDetails;
import se.kompetensportal.dialogfund.domain.CaseService;
import se.kompetensportal.dialogfund.domain.DecisionForm;
import se.kompetensportal.dialogfund.domain.Outcome;
import se.kompetensportal.dialogfund.domain.PaymentStep;
import se.kompetensportal.dialogfund.domain.ReturnReportForm;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/** The secretary's handling of one application: review, decision, payment, final report. */
@Controller
@RequestMapping("/admin/dialog-fund/applications")
class CaseController {

    private static final String PAGE = "dialogfund/admin/application";

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/{applicationId}")
    String show(@PathVariable long applicationId, Model model) {
        return page(applicationId, model);
    }

    @PostMapping("/{applicationId}/review")
    String startReview(@PathVariable long applicationId, RedirectAttributes redirect) {
        cases.startReview(CurrentUser.require(), applicationId);
        redirect.addFlashAttribute("flash", "dialogfund.review.started");
        return redirectTo(applicationId);
    }

    @PostMapping("/{applicationId}/decision")
    String processDecisionForm(@PathVariable long applicationId, @Valid @ModelAttribute DecisionForm decisionForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(applicationId, model);
        }
        try {
            cases.decide(CurrentUser.require(), applicationId, decisionForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return page(applicationId, model);
        }
        redirect.addFlashAttribute("flash", decisionForm.outcome() == Outcome.GRANT
                ? "dialogfund.decision.granted" : "dialogfund.decision.rejected");
        return redirectTo(applicationId);
    }

    @PostMapping("/{applicationId}/payment")
    String recordPayment(@PathVariable long applicationId, @RequestParam PaymentStep step,
            RedirectAttributes redirect) {
        cases.recordPayment(CurrentUser.require(), applicationId, step);
        redirect.addFlashAttribute("flash", "dialogfund.payment.saved");
        return redirectTo(applicationId);
    }

    @PostMapping("/{applicationId}/report/approve")
    String approveReport(@PathVariable long applicationId, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        cases.approveReport(CurrentUser.require(), applicationId, version);
        redirect.addFlashAttribute("flash", "dialogfund.report.approved");
        return redirectTo(applicationId);
    }

    @PostMapping("/{applicationId}/report/return")
    String returnReport(@PathVariable long applicationId, @Valid @ModelAttribute ReturnReportForm returnReportForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(applicationId, model);
        }
        cases.returnReport(CurrentUser.require(), applicationId, returnReportForm);
        redirect.addFlashAttribute("flash", "dialogfund.report.returned");
        return redirectTo(applicationId);
    }

    private String page(long applicationId, Model model) {
        CaseDetails details = cases.details(CurrentUser.require(), applicationId);
        model.addAttribute("details", details);
        model.addAttribute("outcomes", Outcome.values());
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new DecisionForm(null, details.application().amountRequested(), null,
                    details.application().version()));
        }
        if (!model.containsAttribute("returnReportForm")) {
            model.addAttribute("returnReportForm", new ReturnReportForm(null));
        }
        return PAGE;
    }

    private static String redirectTo(long applicationId) {
        return "redirect:/admin/dialog-fund/applications/" + applicationId;
    }
}
