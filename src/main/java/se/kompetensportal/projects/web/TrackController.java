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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.domain.ProjectStructureService;
import se.kompetensportal.projects.domain.TrackForm;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.security.CurrentUser;

/** Add, rename, reorder and remove the thematic tracks of a project. */
@Controller
@RequestMapping("/admin/projects/{projectId}/tracks")
class TrackController {

    private static final String FORM = "projects/track-form";

    private final ProjectStructureService structure;

    TrackController(ProjectStructureService structure) {
        this.structure = structure;
    }

    @ModelAttribute("projectName")
    String projectName(@PathVariable long projectId) {
        return structure.projectName(CurrentUser.require(), projectId);
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("trackForm", TrackForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@PathVariable long projectId, @Valid @ModelAttribute TrackForm trackForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.addTrack(CurrentUser.require(), projectId, trackForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "track.created");
        return "redirect:/admin/projects/" + projectId + "#tracks";
    }

    @GetMapping("/{trackId}/edit")
    String initUpdateForm(@PathVariable long projectId, @PathVariable long trackId, Model model) {
        model.addAttribute("trackForm", structure.trackForm(CurrentUser.require(), projectId, trackId));
        model.addAttribute("trackId", trackId);
        return FORM;
    }

    @PostMapping("/{trackId}")
    String processUpdateForm(@PathVariable long projectId, @PathVariable long trackId,
            @Valid @ModelAttribute TrackForm trackForm, BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("trackId", trackId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            structure.updateTrack(CurrentUser.require(), projectId, trackId, trackForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "track.saved");
        return "redirect:/admin/projects/" + projectId + "#tracks";
    }

    @PostMapping("/{trackId}/move")
    String move(@PathVariable long projectId, @PathVariable long trackId, @RequestParam String direction) {
        structure.moveTrack(CurrentUser.require(), projectId, trackId, "up".equals(direction) ? -1 : 1);
        return "redirect:/admin/projects/" + projectId + "#tracks";
    }

    @PostMapping("/{trackId}/delete")
    String delete(@PathVariable long projectId, @PathVariable long trackId, RedirectAttributes redirect) {
        structure.deleteTrack(CurrentUser.require(), projectId, trackId);
        redirect.addFlashAttribute("flash", "track.deleted");
        return "redirect:/admin/projects/" + projectId + "#tracks";
    }
}
