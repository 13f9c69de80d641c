package se.kompetensportal.participants.web;

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
import se.kompetensportal.participants.domain.SignUpSettingsForm;
import se.kompetensportal.participants.domain.SignUpSettingsService;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The secretary's sign-up settings of an activity: waiting-list offers on or off, and for how many hours. */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/sign-up-settings")
class SignUpSettingsController {

    private static final String VIEW = "participants/sign-up-settings";

    private final SignUpSettingsService settings;

    SignUpSettingsController(SignUpSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    String show(@PathVariable long activityId, Model model) {
        model.addAttribute("signUpSettingsForm", settings.form(CurrentUser.require(), activityId));
        return view(activityId, model);
    }

    @PostMapping
    String save(@PathVariable long activityId, @Valid @ModelAttribute SignUpSettingsForm signUpSettingsForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return view(activityId, model);
        }
        try {
            settings.save(CurrentUser.require(), activityId, signUpSettingsForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return view(activityId, model);
        }
        redirect.addFlashAttribute("flash", "signUpSettings.saved");
        return "redirect:/admin/activities/" + activityId + "/sign-ups";
    }

    private String view(long activityId, Model model) {
        model.addAttribute("activity", settings.activity(CurrentUser.require(), activityId));
        model.addAttribute("openOffers", settings.openOffers(CurrentUser.require(), activityId));
        return VIEW;
    }
}
