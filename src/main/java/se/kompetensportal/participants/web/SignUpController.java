package se.kompetensportal.participants.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.domain.ParticipantService;
import se.kompetensportal.participants.domain.SignUpForm;
import se.kompetensportal.participants.domain.SignUpResult;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * Signing up for an activity. A visitor who is not logged in gives name and e-mail and gets a login link that leads
 * back here; the first sign-up also asks who the person is, later ones only what this sign-up needs.
 */
@Controller
class SignUpController {

    private static final String VIEW = "participants/sign-up";

    private final ParticipantService participants;
    private final AccountsApi accounts;

    SignUpController(ParticipantService participants, AccountsApi accounts) {
        this.participants = participants;
        this.accounts = accounts;
    }

    record LinkForm(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
    }

    @GetMapping("/activities/{activityId}/sign-up")
    String show(@PathVariable long activityId, Model model) {
        PortalUser user = CurrentUser.get().orElse(null);
        model.addAttribute("page", participants.signUpPage(user, activityId));
        if (user != null) {
            model.addAttribute("signUpForm", participants.signUpForm(user));
        } else {
            model.addAttribute("linkForm", new LinkForm(null, null));
        }
        return form(model);
    }

    @PostMapping("/activities/{activityId}/sign-up/link")
    String requestLink(@PathVariable long activityId, @Valid @ModelAttribute LinkForm linkForm, BindingResult result,
            HttpServletRequest request, Locale locale, Model model) {
        if (result.hasErrors()) {
            model.addAttribute("page", participants.signUpPage(CurrentUser.get().orElse(null), activityId));
            return form(model);
        }
        // No account is created or changed here: that waits until the mailed link is used.
        boolean sent = accounts.requestSignUpLink(linkForm.email(), linkForm.name(), Role.PARTICIPANT,
                "/activities/" + activityId + "/sign-up", request.getRemoteAddr(), locale);
        return sent ? "redirect:/login/link-sent" : "redirect:/login?linkThrottled";
    }

    @PostMapping("/activities/{activityId}/sign-up")
    String signUp(@PathVariable long activityId, @Valid @ModelAttribute SignUpForm signUpForm, BindingResult result,
            Locale locale, Model model, RedirectAttributes redirect) {
        PortalUser user = CurrentUser.require();
        try {
            // The answers to the activity's questions and the manager's address are checked by the service, into
            // the same result as the form's own checks, so every field message shows at once.
            SignUpResult signUp = participants.signUp(user, activityId, signUpForm, locale, result);
            if (signUp == null) {
                model.addAttribute("page", participants.signUpPage(user, activityId));
                return form(model);
            }
            redirect.addFlashAttribute("flash", signUp.position() > 0 ? "signUp.waiting"
                    : signUp.status() == se.kompetensportal.participants.domain.SignUpStatus.PENDING ? "signUp.pending"
                    : "signUp.confirmed");
            redirect.addFlashAttribute("flashArgs", signUp.position());
            return "redirect:/my/activities/" + signUp.signUpId();
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            model.addAttribute("page", participants.signUpPage(user, activityId));
            return form(model);
        }
    }

    private String form(Model model) {
        model.addAttribute("genders", Gender.values());
        return VIEW;
    }
}
