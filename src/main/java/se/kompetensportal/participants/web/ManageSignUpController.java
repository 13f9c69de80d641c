package se.kompetensportal.participants.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.ParticipantService;

/**
 * The page the link in every sign-up mail opens: see the sign-up and cancel it without logging in. The secret token in
 * the address (256 random bits) is the credential; a wrong one is "not found".
 */
@Controller
class ManageSignUpController {

    private final ParticipantService participants;

    ManageSignUpController(ParticipantService participants) {
        this.participants = participants;
    }

    @GetMapping("/sign-ups/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("signUp", participants.byToken(token));
        model.addAttribute("token", token);
        return "participants/manage-sign-up";
    }

    @PostMapping("/sign-ups/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        participants.cancelByToken(token);
        redirect.addFlashAttribute("flash", "signUp.cancelledByYou");
        return "redirect:/sign-ups/" + token;
    }
}
