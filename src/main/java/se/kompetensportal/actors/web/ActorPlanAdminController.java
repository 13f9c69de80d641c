package se.kompetensportal.actors.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import se.kompetensportal.actors.domain.ActorPlanService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;

/** The project staff's view of the actors' plans: which actors have filed one, each plan, and its document. */
@Controller
@RequestMapping("/admin/actor-plans")
class ActorPlanAdminController {

    private final ActorPlanService plans;
    private final ProjectsApi projects;

    ActorPlanAdminController(ActorPlanService plans, ProjectsApi projects) {
        this.plans = plans;
        this.projects = projects;
    }

    @GetMapping
    String projects(Model model) {
        model.addAttribute("projects", plans.managedProjects(CurrentUser.require()));
        return "actors/admin/projects";
    }

    @GetMapping("/{projectId}")
    String list(@PathVariable long projectId, Model model) {
        model.addAttribute("plans", plans.projectPlans(CurrentUser.require(), projectId));
        return "actors/admin/plans";
    }

    @GetMapping("/{projectId}/{organisationId}")
    String show(@PathVariable long projectId, @PathVariable long organisationId, Model model) {
        model.addAttribute("plan", plans.plan(CurrentUser.require(), projectId, organisationId));
        model.addAttribute("project", projects.project(projectId).orElseThrow());
        return "actors/admin/plan";
    }

    @GetMapping("/{projectId}/{organisationId}/document")
    ResponseEntity<byte[]> document(@PathVariable long projectId, @PathVariable long organisationId) {
        return Downloads.of(plans.document(CurrentUser.require(), projectId, organisationId));
    }
}
