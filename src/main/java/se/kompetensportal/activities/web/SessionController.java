package se.kompetensportal.activities.web;

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
import se.kompetensportal.activities.domain.ActivityService;
import se.kompetensportal.activities.domain.SessionForm;
import se.kompetensportal.shared.web.FieldRejectedException;

/** Add and remove the sessions of an activity. */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/sessions")
class SessionController {

    private static final String FORM = "activities/session-form";

    private final ActivityService activities;

    SessionController(ActivityService activities) {
        this.activities = activities;
    }

    @ModelAttribute("activityTitle")
    String activityTitle(@PathVariable long activityId) {
        return activities.title(activityId);
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("sessionForm", SessionForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@PathVariable long activityId, @Valid @ModelAttribute SessionForm sessionForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            activities.addSession(activityId, sessionForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "session.created");
        return "redirect:/admin/activities/" + activityId + "#sessions";
    }

    @PostMapping("/{sessionId:\\d+}/delete")
    String delete(@PathVariable long activityId, @PathVariable long sessionId, RedirectAttributes redirect) {
        activities.removeSession(activityId, sessionId);
        redirect.addFlashAttribute("flash", "session.deleted");
        return "redirect:/admin/activities/" + activityId + "#sessions";
    }
}
