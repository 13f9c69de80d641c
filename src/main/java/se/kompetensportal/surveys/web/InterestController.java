package se.kompetensportal.surveys.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import se.kompetensportal.surveys.domain.InterestForm;
import se.kompetensportal.surveys.domain.InterestService;

/**
 * Registration of interest, open to everyone (a signed-in user's name and address are filled in): in the next run of
 * a full or past activity, or in a project's track or target group. And the project staff's list of registrations.
 */
@Controller
class InterestController {

    private final InterestService interest;
    private final EvaluationService evaluations;

    InterestController(InterestService interest, EvaluationService evaluations) {
        this.interest = interest;
        this.evaluations = evaluations;
    }

    @GetMapping("/interest")
    String form(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long activityId,
            @RequestParam(required = false) Long trackId, Model model) {
        if (projectId == null && activityId == null) {
            List<ProjectInfo> projects = interest.projects();
            if (projects.size() != 1) {
                model.addAttribute("projects", projects);
                return "surveys/interest-projects";
            }
            projectId = projects.getFirst().id();
        }
        InterestForm form = new InterestForm(projectId, activityId, trackId, null, null,
                user == null ? "" : user.displayName(), user == null ? "" : user.email());
        return page(form, model);
    }

    private String page(InterestForm form, Model model) {
        model.addAttribute("options", interest.options(form.projectId(), form.activityId()));
        if (!model.containsAttribute("interestForm")) {
            model.addAttribute("interestForm", form);
        }
        return "surveys/interest";
    }

    @PostMapping("/interest")
    String register(@Valid @ModelAttribute("interestForm") InterestForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (form.projectId() == null && form.activityId() == null) {
            return "redirect:/interest";
        }
        if (!errors.hasErrors()) {
            try {
                interest.register(form, request.getRemoteAddr(), locale);
                return "redirect:/interest/thanks";
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(form, model);
    }

    @GetMapping("/interest/thanks")
    String thanks() {
        return "surveys/interest-thanks";
    }

    // The project's staff

    @GetMapping("/admin/surveys/interest")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId, Model model,
            Locale locale) {
        List<ProjectInfo> projects = evaluations.projects(user, true);
        long project = EvaluationAdminController.chosen(projectId, projects);
        model.addAttribute("projects", projects);
        model.addAttribute("projectId", project);
        model.addAttribute("registrations", interest.registrations(user, project, locale));
        return "surveys/interest-list";
    }

    @PostMapping("/admin/surveys/interest/{id}/delete")
    String delete(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam long projectId,
            RedirectAttributes redirect) {
        interest.delete(user, projectId, id);
        redirect.addFlashAttribute("flash", "interest.deleted");
        return "redirect:/admin/surveys/interest?projectId=" + projectId;
    }
}
