package se.kompetensportal.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.accounts.security.LoginLinks;

/** The login page (password or e-mail link), the "check your mail" page and the page a login link opens. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "continue", required = false) String continuePath, Model model) {
        model.addAttribute("continuePath", continuePath);
        return "accounts/login";
    }

    @GetMapping("/login/link-sent")
    String linkSent(Model model) {
        model.addAttribute("validMinutes", LoginLinks.VALID_FOR.toMinutes());
        return "accounts/login-link-sent";
    }

    /**
     * A login link opens this page, which signs in only when the button is pressed (a POST): mail scanners that open
     * links do not use up the token.
     */
    @GetMapping("/login/ott")
    String loginLink(@RequestParam(required = false) String token,
            @RequestParam(name = "continue", required = false) String continuePath, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("continuePath", continuePath);
        return "accounts/login-link";
    }
}
