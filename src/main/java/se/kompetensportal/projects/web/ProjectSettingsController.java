package se.kompetensportal.projects.web;

import java.time.Year;

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
import se.kompetensportal.projects.ActorRole;
import se.kompetensportal.projects.domain.OrganisationService;
import se.kompetensportal.projects.domain.ProjectService;
import se.kompetensportal.projects.domain.ProjectStructureService;
import se.kompetensportal.shared.security.CurrentUser;

/** The actors taking part in a project and the unit costs that value participants' time. */
@Controller
@RequestMapping("/admin/projects/{projectId}")
class ProjectSettingsController {

    private final ProjectService projects;
    private final ProjectStructureService structure;
    private final OrganisationService organisations;

    ProjectSettingsController(ProjectService projects, ProjectStructureService structure,
            OrganisationService organisations) {
        this.projects = projects;
        this.structure = structure;
        this.organisations = organisations;
    }

    @ModelAttribute("projectName")
    String projectName(@PathVariable long projectId) {
        return structure.projectName(CurrentUser.require(), projectId);
    }

    @GetMapping("/actors/new")
    String initActorForm(Model model) {
        model.addAttribute("actorForm", new ActorForm(null, ActorRole.PARTNER));
        return actorForm(model);
    }

    @PostMapping("/actors")
    String processActorForm(@PathVariable long projectId, @Valid @ModelAttribute ActorForm actorForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return actorForm(model);
        }
        projects.addActor(CurrentUser.require(), projectId, actorForm.organisationId(), actorForm.role());
        redirect.addFlashAttribute("flash", "actor.added");
        return "redirect:/admin/projects/" + projectId + "#actors";
    }

    @PostMapping("/actors/{organisationId}/delete")
    String removeActor(@PathVariable long projectId, @PathVariable long organisationId, RedirectAttributes redirect) {
        projects.removeActor(CurrentUser.require(), projectId, organisationId);
        redirect.addFlashAttribute("flash", "actor.removed");
        return "redirect:/admin/projects/" + projectId + "#actors";
    }

    @GetMapping("/unit-costs/new")
    String initUnitCostForm(Model model) {
        model.addAttribute("unitCostForm", new UnitCostForm(Year.now().getValue(), null));
        return "projects/unit-cost-form";
    }

    @PostMapping("/unit-costs")
    String processUnitCostForm(@PathVariable long projectId, @Valid @ModelAttribute UnitCostForm unitCostForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "projects/unit-cost-form";
        }
        projects.setUnitCost(CurrentUser.require(), projectId, unitCostForm.year(), unitCostForm.hourlyRate());
        redirect.addFlashAttribute("flash", "unitCost.saved");
        return "redirect:/admin/projects/" + projectId + "#unit-costs";
    }

    @PostMapping("/unit-costs/{year}/delete")
    String removeUnitCost(@PathVariable long projectId, @PathVariable int year, RedirectAttributes redirect) {
        projects.removeUnitCost(CurrentUser.require(), projectId, year);
        redirect.addFlashAttribute("flash", "unitCost.removed");
        return "redirect:/admin/projects/" + projectId + "#unit-costs";
    }

    private String actorForm(Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("roles", ActorRole.values());
        return "projects/actor-form";
    }
}
