package se.kompetensportal.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.accounts.domain.AccountService;
import se.kompetensportal.accounts.domain.PasswordForm;
import se.kompetensportal.accounts.security.UserSessions;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * Signed-in users' own account: change the password, or choose one if they so far sign in by link. A new password
 * ends the user's other sessions.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private static final String VIEW = "accounts/account";

    private final AccountService accounts;
    private final UserSessions sessions;

    AccountController(AccountService accounts, UserSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        model.addAttribute("hasPassword", accounts.ownAccountHasPassword(CurrentUser.require()));
        return VIEW;
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult result, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        model.addAttribute("hasPassword", accounts.ownAccountHasPassword(CurrentUser.require()));
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            accounts.changeOwnPassword(CurrentUser.require(), passwordForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return VIEW;
        }
        // Sessions elsewhere (perhaps someone else's, with the old password) end; this one continues under a new id.
        sessions.endOthers(CurrentUser.require().email(), request);
        redirect.addFlashAttribute("flash", "account.passwordChanged");
        return "redirect:/account";
    }
}
