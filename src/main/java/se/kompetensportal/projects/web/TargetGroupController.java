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
import se.kompetensportal.projects.domain.ProjectStructureService;
import se.kompetensportal.projects.domain.TargetGroupForm;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/** Add, edit and remove the target groups of a project. */
@Controller
@RequestMapping("/admin/projects/{projectId}/target-groups")
class TargetGroupController {

    private static final String FORM = "projects/target-group-form";

    private final ProjectStructureService structure;

    TargetGroupController(ProjectStructureService structure) {
        this.structure = structure;
    }

    @ModelAttribute("projectName")
    String projectName(@PathVariable long projectId) {
        return structure.projectName(CurrentUser.require(), projectId);
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("targetGroupForm", TargetGroupForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@PathVariable long projectId, @Valid @ModelAttribute TargetGroupForm targetGroupForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.addTargetGroup(CurrentUser.require(), projectId, targetGroupForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "targetGroup.created");
        return "redirect:/admin/projects/" + projectId + "#target-groups";
    }

    @GetMapping("/{targetGroupId}/edit")
    String initUpdateForm(@PathVariable long projectId, @PathVariable long targetGroupId, Model model) {
        model.addAttribute("targetGroupForm", structure.targetGroupForm(CurrentUser.require(), projectId, targetGroupId));
        model.addAttribute("targetGroupId", targetGroupId);
        return FORM;
    }

    @PostMapping("/{targetGroupId}")
    String processUpdateForm(@PathVariable long projectId, @PathVariable long targetGroupId,
            @Valid @ModelAttribute TargetGroupForm targetGroupForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("targetGroupId", targetGroupId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.updateTargetGroup(CurrentUser.require(), projectId, targetGroupId, targetGroupForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "targetGroup.saved");
        return "redirect:/admin/projects/" + projectId + "#target-groups";
    }

    @PostMapping("/{targetGroupId}/delete")
    String delete(@PathVariable long projectId, @PathVariable long targetGroupId, RedirectAttributes redirect) {
        structure.deleteTargetGroup(CurrentUser.require(), projectId, targetGroupId);
        redirect.addFlashAttribute("flash", "targetGroup.deleted");
        return "redirect:/admin/projects/" + projectId + "#target-groups";
    }
}
