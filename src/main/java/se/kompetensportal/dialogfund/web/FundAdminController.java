package se.kompetensportal.dialogfund.web;

import java.util.List;
import java.util.Set;

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
import se.kompetensportal.dialogfund.domain.ApplicationStatus;
import se.kompetensportal.dialogfund.domain.CriterionForm;
import se.kompetensportal.dialogfund.domain.FundForm;
import se.kompetensportal.dialogfund.domain.FundService;
import se.kompetensportal.dialogfund.domain.FundSetup;
import se.kompetensportal.dialogfund.domain.PeriodForm;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The secretary's side of the funds: the overview against targets, fund settings, periods, criteria, reviewers. */
@Controller
@RequestMapping("/admin/dialog-fund")
class FundAdminController {

    private static final String FORM = "dialogfund/admin/fund-form";
    private static final String PAGE = "dialogfund/admin/fund";

    private final FundService funds;
    private final FundSetup setup;

    FundAdminController(FundService funds, FundSetup setup) {
        this.funds = funds;
        this.setup = setup;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("rows", funds.overview(CurrentUser.require()));
        model.addAttribute("projects", funds.manageableProjects(CurrentUser.require()));
        return "dialogfund/admin/overview";
    }

    @GetMapping("/funds/new")
    String initCreationForm(@RequestParam(required = false) Long projectId, Model model) {
        model.addAttribute("fundForm", funds.newForm(projectId));
        model.addAttribute("projects", funds.manageableProjects(CurrentUser.require()));
        return FORM;
    }

    @PostMapping("/funds")
    String processCreationForm(@Valid @ModelAttribute FundForm fundForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("projects", funds.manageableProjects(CurrentUser.require()));
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            long id = funds.create(CurrentUser.require(), fundForm);
            redirect.addFlashAttribute("flash", "dialogfund.fund.created");
            return "redirect:/admin/dialog-fund/funds/" + id;
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
    }

    @GetMapping("/funds/{fundId}")
    String show(@PathVariable long fundId, @RequestParam(required = false) ApplicationStatus status, Model model) {
        return page(fundId, status, model);
    }

    @GetMapping("/funds/{fundId}/edit")
    String initUpdateForm(@PathVariable long fundId, Model model) {
        model.addAttribute("fundForm", funds.editForm(CurrentUser.require(), fundId));
        model.addAttribute("fundId", fundId);
        return FORM;
    }

    @PostMapping("/funds/{fundId}")
    String processUpdateForm(@PathVariable long fundId, @Valid @ModelAttribute FundForm fundForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("fundId", fundId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            funds.update(CurrentUser.require(), fundId, fundForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "dialogfund.fund.saved");
        return "redirect:/admin/dialog-fund/funds/" + fundId;
    }

    @PostMapping("/funds/{fundId}/periods")
    String addPeriod(@PathVariable long fundId, @Valid @ModelAttribute PeriodForm periodForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                setup.addPeriod(CurrentUser.require(), fundId, periodForm);
                redirect.addFlashAttribute("flash", "dialogfund.period.added");
                return "redirect:/admin/dialog-fund/funds/" + fundId + "#periods";
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return page(fundId, null, model);
    }

    @PostMapping("/funds/{fundId}/periods/{periodId}/delete")
    String deletePeriod(@PathVariable long fundId, @PathVariable long periodId, RedirectAttributes redirect) {
        setup.deletePeriod(CurrentUser.require(), fundId, periodId);
        redirect.addFlashAttribute("flash", "dialogfund.period.deleted");
        return "redirect:/admin/dialog-fund/funds/" + fundId + "#periods";
    }

    @PostMapping("/funds/{fundId}/criteria")
    String addCriterion(@PathVariable long fundId, @Valid @ModelAttribute CriterionForm criterionForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(fundId, null, model);
        }
        setup.addCriterion(CurrentUser.require(), fundId, criterionForm);
        redirect.addFlashAttribute("flash", "dialogfund.criterion.added");
        return "redirect:/admin/dialog-fund/funds/" + fundId + "#criteria";
    }

    @PostMapping("/funds/{fundId}/criteria/{criterionId}/delete")
    String deleteCriterion(@PathVariable long fundId, @PathVariable long criterionId, RedirectAttributes redirect) {
        setup.deleteCriterion(CurrentUser.require(), fundId, criterionId);
        redirect.addFlashAttribute("flash", "dialogfund.criterion.deleted");
        return "redirect:/admin/dialog-fund/funds/" + fundId + "#criteria";
    }

    @PostMapping("/funds/{fundId}/reviewers")
    String setReviewers(@PathVariable long fundId, @RequestParam(required = false) Set<Long> reviewerIds,
            RedirectAttributes redirect) {
        setup.setReviewers(CurrentUser.require(), fundId, reviewerIds == null ? List.of() : List.copyOf(reviewerIds));
        redirect.addFlashAttribute("flash", "dialogfund.reviewers.saved");
        return "redirect:/admin/dialog-fund/funds/" + fundId + "#reviewers";
    }

    private String page(long fundId, ApplicationStatus status, Model model) {
        model.addAttribute("page", funds.page(CurrentUser.require(), fundId, status));
        if (!model.containsAttribute("periodForm")) {
            model.addAttribute("periodForm", PeriodForm.empty());
        }
        if (!model.containsAttribute("criterionForm")) {
            model.addAttribute("criterionForm", CriterionForm.empty());
        }
        return PAGE;
    }
}
