package se.kompetensportal.indicators.web;

import java.util.List;

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
import se.kompetensportal.indicators.domain.CollaborationForm;
import se.kompetensportal.indicators.domain.CollaborationService;
import se.kompetensportal.indicators.domain.CollaborationStatus;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.indicators.domain.IndicatorService;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The register of collaboration projects (Delmål 2) of a project, kept by its secretaries. */
@Controller
@RequestMapping("/admin/collaboration-projects")
class CollaborationController {

    private static final String FORM = "indicators/collaboration-form";

    private final CollaborationService collaborations;
    private final IndicatorService indicators;
    private final DashboardService dashboards;

    CollaborationController(CollaborationService collaborations, IndicatorService indicators,
            DashboardService dashboards) {
        this.collaborations = collaborations;
        this.indicators = indicators;
        this.dashboards = dashboards;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long projectId, Model model) {
        // The register is read by all who follow the project (the steering group too); only its staff change it.
        List<ProjectInfo> projects = dashboards.followedProjects(CurrentUser.require());
        model.addAttribute("projects", projects);
        Long chosen = projectId != null ? projectId : projects.isEmpty() ? null : projects.getFirst().id();
        if (chosen != null) {
            model.addAttribute("project", dashboards.project(CurrentUser.require(), chosen));
            model.addAttribute("rows", collaborations.register(CurrentUser.require(), chosen));
            model.addAttribute("mayEdit", CurrentUser.require().canManageProject(chosen));
        }
        return "indicators/collaboration-list";
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam long projectId, Model model) {
        form(projectId, model);
        model.addAttribute("collaborationForm", CollaborationForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@RequestParam long projectId, @Valid @ModelAttribute CollaborationForm collaborationForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        form(projectId, model);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            collaborations.create(CurrentUser.require(), projectId, collaborationForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "collaboration.created");
        return "redirect:/admin/collaboration-projects?projectId=" + projectId;
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable long id, Model model) {
        CollaborationForm editing = collaborations.editForm(CurrentUser.require(), id);
        form(collaborations.projectOf(CurrentUser.require(), id), model);
        model.addAttribute("collaborationId", id);
        model.addAttribute("collaborationForm", editing);
        return FORM;
    }

    @PostMapping("/{id}")
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute CollaborationForm collaborationForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        long projectId = collaborations.projectOf(CurrentUser.require(), id);
        form(projectId, model);
        model.addAttribute("collaborationId", id);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            collaborations.update(CurrentUser.require(), id, collaborationForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "collaboration.saved");
        return "redirect:/admin/collaboration-projects?projectId=" + projectId;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        long projectId = collaborations.delete(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "collaboration.deleted");
        return "redirect:/admin/collaboration-projects?projectId=" + projectId;
    }

    private void form(long projectId, Model model) {
        model.addAttribute("project", indicators.project(CurrentUser.require(), projectId));
        model.addAttribute("options", collaborations.options(CurrentUser.require(), projectId));
        model.addAttribute("statuses", CollaborationStatus.values());
    }
}
