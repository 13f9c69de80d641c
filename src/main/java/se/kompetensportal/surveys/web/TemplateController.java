package se.kompetensportal.surveys.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.QuestionForm;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.SurveyKind;
import se.kompetensportal.surveys.domain.TemplateService;

/** A project's evaluation templates: the default one is copied into every new evaluation. */
@Controller
class TemplateController {

    record TemplateForm(@NotNull Long projectId, @NotBlank @Size(max = 200) String name, SurveyKind kind,
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(36) Integer followUpMonths) {
    }

    private final TemplateService templates;
    private final EvaluationService evaluations;

    TemplateController(TemplateService templates, EvaluationService evaluations) {
        this.templates = templates;
        this.evaluations = evaluations;
    }

    @GetMapping("/admin/evaluations/templates")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId, Model model) {
        List<ProjectInfo> projects = evaluations.projects(user, true);
        long project = EvaluationAdminController.chosen(projectId, projects);
        return listPage(user, project, model, new TemplateForm(project, "", SurveyKind.COURSE_EVALUATION, 6));
    }

    private String listPage(PortalUser user, long projectId, Model model, TemplateForm form) {
        model.addAttribute("projects", evaluations.projects(user, true));
        model.addAttribute("projectId", projectId);
        model.addAttribute("templates", templates.templates(user, projectId));
        model.addAttribute("surveyKinds", SurveyKind.values());
        if (!model.containsAttribute("templateForm")) {
            model.addAttribute("templateForm", form);
        }
        return "surveys/templates";
    }

    @PostMapping("/admin/evaluations/templates")
    String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("templateForm") TemplateForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            if (form.projectId() == null) {
                return list(user, null, model);
            }
            return listPage(user, form.projectId(), model, form);
        }
        long id;
        try {
            id = templates.create(user, form.projectId(), form.name(),
                    form.kind() == null ? SurveyKind.COURSE_EVALUATION : form.kind(), form.followUpMonths());
        } catch (FieldRejectedException e) {
            e.rejectOn(errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(user, form.projectId(), model, form);
        }
        redirect.addFlashAttribute("flash", "template.created");
        return "redirect:/admin/evaluations/templates/" + id;
    }

    @GetMapping("/admin/evaluations/templates/{id}")
    String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        return page(user, id, model, QuestionForm.empty());
    }

    private String page(PortalUser user, long id, Model model, QuestionForm form) {
        model.addAttribute("template", templates.template(user, id));
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", form);
        }
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", EvaluationAdminController.QUESTION_SOURCES);
        return "surveys/template";
    }

    @PostMapping("/admin/evaluations/templates/{id}/questions")
    String addQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                templates.addToTemplate(user, id, form);
                redirect.addFlashAttribute("flash", "question.added");
                return "redirect:/admin/evaluations/templates/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("questionOpen", true);
        return page(user, id, model, form);
    }

    @PostMapping("/admin/evaluations/templates/{id}/default")
    String makeDefault(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        templates.makeDefault(user, id);
        redirect.addFlashAttribute("flash", "template.madeDefault");
        return "redirect:/admin/evaluations/templates/" + id;
    }
}
