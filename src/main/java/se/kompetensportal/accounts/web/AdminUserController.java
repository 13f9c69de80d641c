package se.kompetensportal.accounts.web;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import org.springframework.web.servlet.support.RequestContextUtils;
import jakarta.servlet.http.HttpServletRequest;
import se.kompetensportal.accounts.domain.AccountService;
import se.kompetensportal.accounts.domain.PasswordForm;
import se.kompetensportal.accounts.domain.UserForm;
import se.kompetensportal.accounts.security.LoginLinks;
import se.kompetensportal.accounts.security.UserSessions;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.FieldRejectedException;

/** Administrators create users, set their roles and scope, deactivate them and reset their passwords. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    private static final String FORM = "accounts/user-form";
    private static final String PASSWORD_FORM = "accounts/user-password";
    private static final int PAGE_SIZE = 30;

    private final AccountService accounts;
    private final ProjectsApi projects;
    private final LoginLinks loginLinks;
    private final UserSessions sessions;

    AdminUserController(AccountService accounts, ProjectsApi projects, LoginLinks loginLinks, UserSessions sessions) {
        this.accounts = accounts;
        this.projects = projects;
        this.loginLinks = loginLinks;
        this.sessions = sessions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        model.addAttribute("page", accounts.search(q, role,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("displayName"))));
        return "accounts/user-list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("userForm", UserForm.empty());
        return form(model);
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute UserForm userForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            long id = accounts.create(userForm);
            redirect.addFlashAttribute("flash", "user.created");
            return "redirect:/admin/users/" + id + "/edit";
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return form(model);
        }
    }

    @GetMapping("/{userId}/edit")
    String initUpdateForm(@PathVariable long userId, Model model) {
        model.addAttribute("userForm", accounts.editForm(userId));
        model.addAttribute("user", accounts.item(userId));
        return form(model);
    }

    @PostMapping("/{userId}")
    String processUpdateForm(@PathVariable long userId, @Valid @ModelAttribute UserForm userForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("user", accounts.item(userId));
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            accounts.update(CurrentUser.require(), userId, userForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return form(model);
        }
        redirect.addFlashAttribute("flash", "user.saved");
        return "redirect:/admin/users/" + userId + "/edit";
    }

    @PostMapping("/{userId}/deactivate")
    String deactivate(@PathVariable long userId, RedirectAttributes redirect) {
        accounts.setEnabled(CurrentUser.require(), userId, false);
        redirect.addFlashAttribute("flash", "user.deactivated");
        return "redirect:/admin/users/" + userId + "/edit";
    }

    @PostMapping("/{userId}/activate")
    String activate(@PathVariable long userId, RedirectAttributes redirect) {
        accounts.setEnabled(CurrentUser.require(), userId, true);
        redirect.addFlashAttribute("flash", "user.activated");
        return "redirect:/admin/users/" + userId + "/edit";
    }

    @GetMapping("/{userId}/password")
    String initPasswordForm(@PathVariable long userId, Model model) {
        model.addAttribute("user", accounts.item(userId));
        model.addAttribute("passwordForm", PasswordForm.empty());
        return PASSWORD_FORM;
    }

    @PostMapping("/{userId}/password")
    String processPasswordForm(@PathVariable long userId, @Valid @ModelAttribute PasswordForm passwordForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("user", accounts.item(userId));
        if (result.hasErrors()) {
            return PASSWORD_FORM;
        }
        try {
            accounts.resetPassword(userId, passwordForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return PASSWORD_FORM;
        }
        // Whoever was signed in with the old password is signed out.
        sessions.endAll(accounts.item(userId).email());
        redirect.addFlashAttribute("flash", "user.passwordReset");
        return "redirect:/admin/users/" + userId + "/edit";
    }

    @PostMapping("/{userId}/login-link")
    String sendLoginLink(@PathVariable long userId, HttpServletRequest request, RedirectAttributes redirect) {
        LoginLinks.Outcome outcome = loginLinks.request(accounts.item(userId).email(), null, request.getRemoteAddr(),
                RequestContextUtils.getLocale(request));
        redirect.addFlashAttribute("flash", outcome == LoginLinks.Outcome.SENT ? "user.linkSent" : "user.linkThrottled");
        return "redirect:/admin/users/" + userId + "/edit";
    }

    private String form(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("projects", projects.projects());
        model.addAttribute("organisations", projects.organisations());
        return FORM;
    }
}
