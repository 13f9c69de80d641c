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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.activities.domain.SessionForm;
import se.kompetensportal.activities.domain.SessionService;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * Add, change and remove the sessions of an activity. For a published activity each form asks whether to tell the
 * participants ({@code announce}, ticked by default), who then get a mail with the updated calendar file.
 */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/sessions")
class SessionController {

    private static final String FORM = "activities/session-form";

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("announceContext")
    SessionService.Context context(@PathVariable long activityId) {
        return sessions.context(CurrentUser.require(), activityId);
    }

    @ModelAttribute("activityTitle")
    String activityTitle(@ModelAttribute("announceContext") SessionService.Context context) {
        return context.activityTitle();
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("sessionForm", SessionForm.empty());
        model.addAttribute("announce", true);
        return FORM;
    }

    @PostMapping
    String processCreationForm(@PathVariable long activityId, @Valid @ModelAttribute SessionForm sessionForm,
            BindingResult result, @RequestParam(defaultValue = "false") boolean announce, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("announce", announce);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            sessions.add(CurrentUser.require(), activityId, sessionForm, announce);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        return done(activityId, "session.created", announce, model, redirect);
    }

    @GetMapping("/{sessionId:\\d+}/edit")
    String initUpdateForm(@PathVariable long activityId, @PathVariable long sessionId, Model model) {
        model.addAttribute("sessionForm", sessions.form(CurrentUser.require(), activityId, sessionId));
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("announce", true);
        return FORM;
    }

    @PostMapping("/{sessionId:\\d+}")
    String processUpdateForm(@PathVariable long activityId, @PathVariable long sessionId,
            @Valid @ModelAttribute SessionForm sessionForm, BindingResult result,
            @RequestParam(defaultValue = "false") boolean announce, Model model, RedirectAttributes redirect) {
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("announce", announce);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            sessions.update(CurrentUser.require(), activityId, sessionId, sessionForm, announce);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        return done(activityId, "session.saved", announce, model, redirect);
    }

    /** For a published activity, removing a session first asks whether to tell the participants. */
    @GetMapping("/{sessionId:\\d+}/delete")
    String initDeleteForm(@PathVariable long activityId, @PathVariable long sessionId, Model model) {
        model.addAttribute("sessionForm", sessions.form(CurrentUser.require(), activityId, sessionId));
        model.addAttribute("sessionId", sessionId);
        return "activities/session-delete";
    }

    @PostMapping("/{sessionId:\\d+}/delete")
    String delete(@PathVariable long activityId, @PathVariable long sessionId,
            @RequestParam(defaultValue = "false") boolean announce, Model model, RedirectAttributes redirect) {
        sessions.remove(CurrentUser.require(), activityId, sessionId, announce);
        return done(activityId, "session.deleted", announce, model, redirect);
    }

    private static String done(long activityId, String flash, boolean announce, Model model,
            RedirectAttributes redirect) {
        SessionService.Context context = (SessionService.Context) model.getAttribute("announceContext");
        boolean told = announce && context != null && context.published();
        redirect.addFlashAttribute("flash", told ? flash + ".announced" : flash);
        return "redirect:/admin/activities/" + activityId + "#sessions";
    }
}
