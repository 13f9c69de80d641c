package se.kompetensportal.participants.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.PersonRegisterQueries;
import se.kompetensportal.participants.domain.PersonRegisterService;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;

/** The person register: search, unique participants per project, merging duplicates, erasure. */
@Controller
class PersonRegisterController {

    private static final int PAGE_SIZE = 30;

    private final PersonRegisterService register;
    private final PersonRegisterQueries queries;
    private final ProjectsApi projects;

    PersonRegisterController(PersonRegisterService register, PersonRegisterQueries queries, ProjectsApi projects) {
        this.register = register;
        this.queries = queries;
        this.projects = projects;
    }

    @GetMapping("/admin/people")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long project,
            @RequestParam(defaultValue = "false") boolean requests, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var user = CurrentUser.require();
        var visibleProjects = (user.isAdmin() ? projects.projects() : projects.projects(user.projectIds()));
        model.addAttribute("q", q);
        model.addAttribute("project", project);
        model.addAttribute("requests", requests);
        model.addAttribute("projects", visibleProjects);
        model.addAttribute("page",
                queries.search(user, q, project, requests, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        if (project != null && visibleProjects.stream().map(ProjectInfo::id).anyMatch(project::equals)) {
            var unique = queries.uniqueParticipants(user, project);
            model.addAttribute("unique", unique);
            model.addAttribute("uniqueTotal", unique.values().stream().mapToLong(Long::longValue).sum());
        }
        return "participants/people";
    }

    @GetMapping("/admin/people/{personId}")
    String show(@PathVariable long personId, Model model) {
        model.addAttribute("person", queries.details(CurrentUser.require(), personId));
        return "participants/person";
    }

    @PostMapping("/admin/people/{personId}/personal-id")
    String reveal(@PathVariable long personId, Model model) {
        var user = CurrentUser.require();
        model.addAttribute("person", queries.details(user, personId));
        model.addAttribute("personalId", register.revealPersonalId(user, personId));
        return "participants/person";
    }

    @PostMapping("/admin/people/{personId}/merge")
    String merge(@PathVariable long personId, @RequestParam long duplicateId, RedirectAttributes redirect) {
        register.merge(CurrentUser.require(), personId, duplicateId);
        redirect.addFlashAttribute("flash", "person.merged");
        return "redirect:/admin/people/" + personId;
    }

    @PostMapping("/admin/people/{personId}/erase")
    String erase(@PathVariable long personId, RedirectAttributes redirect) {
        register.erase(CurrentUser.require(), personId);
        redirect.addFlashAttribute("flash", "person.erased");
        return "redirect:/admin/people";
    }
}
