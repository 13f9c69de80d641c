package se.kompetensportal.projects.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.domain.ProjectForm;
import se.kompetensportal.projects.domain.ProjectService;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/** List, create, show and edit projects. */
@Controller
@RequestMapping("/admin/projects")
class ProjectController {

    private static final String FORM = "projects/project-form";

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("projects", projects.listVisible(CurrentUser.require()));
        return "projects/project-list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("projectForm", ProjectForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute ProjectForm projectForm, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            long id = projects.create(CurrentUser.require(), projectForm);
            redirect.addFlashAttribute("flash", "project.created");
            return "redirect:/admin/projects/" + id;
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
    }

    @GetMapping("/{projectId}")
    String show(@PathVariable long projectId, Model model) {
        model.addAttribute("details", projects.details(CurrentUser.require(), projectId));
        return "projects/project-detail";
    }

    @GetMapping("/{projectId}/edit")
    String initUpdateForm(@PathVariable long projectId, Model model) {
        model.addAttribute("projectForm", projects.editForm(CurrentUser.require(), projectId));
        model.addAttribute("projectId", projectId);
        return FORM;
    }

    @PostMapping("/{projectId}")
    String processUpdateForm(@PathVariable long projectId, @Valid @ModelAttribute ProjectForm projectForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("projectId", projectId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            projects.update(CurrentUser.require(), projectId, projectForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "project.saved");
        return "redirect:/admin/projects/" + projectId;
    }

    @PostMapping("/{projectId}/delete")
    String delete(@PathVariable long projectId, RedirectAttributes redirect) {
        projects.delete(CurrentUser.require(), projectId);
        redirect.addFlashAttribute("flash", "project.deleted");
        return "redirect:/admin/projects";
    }
}
