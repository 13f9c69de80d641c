package se.kompetensportal.knowledge.web;

import java.util.Locale;

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
import se.kompetensportal.knowledge.domain.ConsentForm;
import se.kompetensportal.knowledge.domain.KnowledgeService;
import se.kompetensportal.knowledge.domain.KnowledgeSources;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** Items made from approved final reports and developed collaboration projects, with the consent to publish recorded. */
@Controller
@RequestMapping("/admin/knowledge")
class KnowledgeSourcesController {

    private static final String FROM_SOURCE = "knowledge/admin/from-source";

    private final KnowledgeService knowledge;
    private final KnowledgeSources sources;

    KnowledgeSourcesController(KnowledgeService knowledge, KnowledgeSources sources) {
        this.knowledge = knowledge;
        this.sources = sources;
    }

    /** What items can be made from: approved final reports and developed collaboration projects. */
    @GetMapping("/sources")
    String sources(@RequestParam long projectId, Model model) {
        model.addAttribute("project", knowledge.project(CurrentUser.require(), projectId));
        model.addAttribute("sources", sources.sources(CurrentUser.require(), projectId));
        return "knowledge/admin/sources";
    }

    @GetMapping("/sources/report/{applicationId}")
    String reportForm(@RequestParam long projectId, @PathVariable long applicationId, Model model) {
        var report = sources.report(CurrentUser.require(), projectId, applicationId);
        model.addAttribute("consentForm", ConsentForm.empty(report.contactName()));
        return fromReport(projectId, applicationId, model);
    }

    @PostMapping("/sources/report/{applicationId}")
    String fromReport(@RequestParam long projectId, @PathVariable long applicationId,
            @Valid @ModelAttribute ConsentForm consentForm, BindingResult result, Locale locale, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = sources.createFromReport(CurrentUser.require(), projectId, applicationId, consentForm, locale);
                redirect.addFlashAttribute("flash", "knowledge.source.created");
                return "redirect:/admin/knowledge/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return fromReport(projectId, applicationId, model);
    }

    @GetMapping("/sources/collaboration/{collaborationId}")
    String collaborationForm(@RequestParam long projectId, @PathVariable long collaborationId, Model model) {
        sources.collaboration(CurrentUser.require(), projectId, collaborationId);
        model.addAttribute("consentForm", ConsentForm.empty(""));
        return fromCollaboration(projectId, collaborationId, model);
    }

    @PostMapping("/sources/collaboration/{collaborationId}")
    String fromCollaboration(@RequestParam long projectId, @PathVariable long collaborationId,
            @Valid @ModelAttribute ConsentForm consentForm, BindingResult result, Locale locale, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = sources.createFromCollaboration(CurrentUser.require(), projectId, collaborationId, consentForm, locale);
                redirect.addFlashAttribute("flash", "knowledge.source.created");
                return "redirect:/admin/knowledge/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return fromCollaboration(projectId, collaborationId, model);
    }

    private String fromReport(long projectId, long applicationId, Model model) {
        model.addAttribute("project", knowledge.project(CurrentUser.require(), projectId));
        model.addAttribute("report", sources.report(CurrentUser.require(), projectId, applicationId));
        model.addAttribute("action", "/admin/knowledge/sources/report/" + applicationId + "?projectId=" + projectId);
        return FROM_SOURCE;
    }

    private String fromCollaboration(long projectId, long collaborationId, Model model) {
        model.addAttribute("project", knowledge.project(CurrentUser.require(), projectId));
        model.addAttribute("collaboration", sources.collaboration(CurrentUser.require(), projectId, collaborationId));
        model.addAttribute("action", "/admin/knowledge/sources/collaboration/" + collaborationId + "?projectId="
                + projectId);
        return FROM_SOURCE;
    }
}
