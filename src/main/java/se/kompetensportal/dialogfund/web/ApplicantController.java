package se.kompetensportal.dialogfund.web;

import java.util.Locale;

import jakarta.validation.groups.Default;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.dialogfund.domain.ApplicantAttachments;
import se.kompetensportal.dialogfund.domain.ApplicantReports;
import se.kompetensportal.dialogfund.domain.ApplicantService;
import se.kompetensportal.dialogfund.domain.ApplicationForm;
import se.kompetensportal.dialogfund.domain.FinalReportForm;
import se.kompetensportal.dialogfund.domain.OrganisationType;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * The applicant's pages: their applications, the application form (saved as a draft or submitted), attachments, and
 * the final report. The services make sure an applicant reaches only their own applications.
 */
@Controller
@RequestMapping("/dialog-fund")
class ApplicantController {

    private static final String FORM = "dialogfund/applicant/form";
    private static final String VIEW = "dialogfund/applicant/application";
    private static final String REPORT_FORM = "dialogfund/applicant/report-form";

    private final ApplicantService applicant;
    private final ApplicantAttachments attachments;
    private final ApplicantReports reports;

    ApplicantController(ApplicantService applicant, ApplicantAttachments attachments, ApplicantReports reports) {
        this.applicant = applicant;
        this.attachments = attachments;
        this.reports = reports;
    }

    @GetMapping("/my")
    String mine(Model model) {
        model.addAttribute("my", applicant.mine(CurrentUser.require()));
        return "dialogfund/applicant/my";
    }

    @PostMapping("/applications")
    String initCreationForm(@RequestParam long fundId, Locale locale) {
        long id = applicant.startDraft(CurrentUser.require(), fundId, locale);
        return "redirect:/dialog-fund/applications/" + id + "/edit";
    }

    @GetMapping("/applications/{applicationId}")
    String show(@PathVariable long applicationId, Model model) {
        return showApplication(applicationId, model);
    }

    @GetMapping("/applications/{applicationId}/edit")
    String initUpdateForm(@PathVariable long applicationId, Model model) {
        model.addAttribute("applicationForm", applicant.editForm(CurrentUser.require(), applicationId));
        return form(applicationId, model);
    }

    /** Saves the draft; only formats and lengths are checked. */
    @PostMapping("/applications/{applicationId}")
    String processUpdateForm(@PathVariable long applicationId,
            @Validated(Default.class) @ModelAttribute ApplicationForm applicationForm, BindingResult result,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(applicationId, model);
        }
        try {
            applicant.saveDraft(CurrentUser.require(), applicationId, applicationForm, locale);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return form(applicationId, model);
        }
        redirect.addFlashAttribute("flash", "dialogfund.application.saved");
        return "redirect:/dialog-fund/applications/" + applicationId;
    }

    /** Saves and submits; every required field must be filled in. */
    @PostMapping("/applications/{applicationId}/submit")
    String processSubmitForm(@PathVariable long applicationId,
            @Validated({Default.class, ApplicationForm.Complete.class}) @ModelAttribute ApplicationForm applicationForm,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(applicationId, model);
        }
        String reference;
        try {
            reference = applicant.submit(CurrentUser.require(), applicationId, applicationForm, locale);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return form(applicationId, model);
        }
        redirect.addFlashAttribute("flash", "dialogfund.application.submitted");
        redirect.addFlashAttribute("flashArgs", reference);
        return "redirect:/dialog-fund/applications/" + applicationId;
    }

    @PostMapping("/applications/{applicationId}/delete")
    String delete(@PathVariable long applicationId, RedirectAttributes redirect) {
        applicant.deleteDraft(CurrentUser.require(), applicationId);
        redirect.addFlashAttribute("flash", "dialogfund.application.deleted");
        return "redirect:/dialog-fund/my";
    }

    @PostMapping("/applications/{applicationId}/attachments")
    String upload(@PathVariable long applicationId, @ModelAttribute UploadForm uploadForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            attachments.uploadAttachment(CurrentUser.require(), applicationId, uploadForm.file());
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return showApplication(applicationId, model);
        }
        redirect.addFlashAttribute("flash", "dialogfund.attachment.added");
        return "redirect:/dialog-fund/applications/" + applicationId + "#attachments";
    }

    @PostMapping("/applications/{applicationId}/attachments/{attachmentId}/delete")
    String deleteAttachment(@PathVariable long applicationId, @PathVariable long attachmentId,
            @RequestParam(defaultValue = "application") String back, RedirectAttributes redirect) {
        attachments.deleteAttachment(CurrentUser.require(), applicationId, attachmentId);
        redirect.addFlashAttribute("flash", "dialogfund.attachment.deleted");
        return "redirect:/dialog-fund/applications/" + applicationId + ("report".equals(back) ? "/report" : "");
    }

    @GetMapping("/applications/{applicationId}/report")
    String initReportForm(@PathVariable long applicationId, Model model) {
        model.addAttribute("finalReportForm", reports.reportForm(CurrentUser.require(), applicationId));
        return reportForm(applicationId, model);
    }

    @PostMapping("/applications/{applicationId}/report")
    String processReportForm(@PathVariable long applicationId,
            @Validated @ModelAttribute FinalReportForm finalReportForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return reportForm(applicationId, model);
        }
        try {
            reports.submitReport(CurrentUser.require(), applicationId, finalReportForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return reportForm(applicationId, model);
        }
        redirect.addFlashAttribute("flash", "dialogfund.report.submitted");
        return "redirect:/dialog-fund/applications/" + applicationId;
    }

    @PostMapping("/applications/{applicationId}/report/photos")
    String uploadPhoto(@PathVariable long applicationId, @ModelAttribute UploadForm uploadForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            attachments.uploadReportPhoto(CurrentUser.require(), applicationId, uploadForm.file());
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            model.addAttribute("finalReportForm", reports.reportForm(CurrentUser.require(), applicationId));
            return reportForm(applicationId, model);
        }
        redirect.addFlashAttribute("flash", "dialogfund.attachment.added");
        return "redirect:/dialog-fund/applications/" + applicationId + "/report#photos";
    }

    private String showApplication(long applicationId, Model model) {
        model.addAttribute("details", applicant.details(CurrentUser.require(), applicationId));
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", UploadForm.empty());
        }
        return VIEW;
    }

    private String form(long applicationId, Model model) {
        model.addAttribute("applicationId", applicationId);
        model.addAttribute("fund", applicant.fundOf(CurrentUser.require(), applicationId));
        model.addAttribute("organisationTypes", OrganisationType.values());
        return FORM;
    }

    private String reportForm(long applicationId, Model model) {
        model.addAttribute("details", applicant.details(CurrentUser.require(), applicationId));
        if (!model.containsAttribute("uploadForm")) {
            model.addAttribute("uploadForm", UploadForm.empty());
        }
        return REPORT_FORM;
    }
}
