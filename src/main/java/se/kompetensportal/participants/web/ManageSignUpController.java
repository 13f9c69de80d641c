package se.kompetensportal.participants.web;

import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import se.kompetensportal.participants.domain.ColleagueForm;
import se.kompetensportal.participants.domain.ColleagueService;
import se.kompetensportal.participants.domain.LinkProblem;
import se.kompetensportal.shared.web.FieldRejectedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.MySignUps;

/**
 * The page the link in every sign-up mail opens: see the sign-up, cancel it or send a colleague instead, without
 * logging in. The secret token in
 * the address (256 random bits) is the credential; a wrong one is "not found".
 */
@Controller
class ManageSignUpController {

    private final MySignUps participants;
    private final ColleagueService colleagues;

    ManageSignUpController(MySignUps participants, ColleagueService colleagues) {
        this.participants = participants;
        this.colleagues = colleagues;
    }

    @GetMapping("/sign-ups/{token}/colleague")
    String colleagueForm(@PathVariable String token, Model model) {
        model.addAttribute("activity", colleagues.check(token));
        model.addAttribute("colleagueForm", ColleagueForm.empty());
        model.addAttribute("token", token);
        return "participants/colleague-form";
    }

    @PostMapping("/sign-ups/{token}/colleague")
    String sendColleague(@PathVariable String token, @Valid @ModelAttribute ColleagueForm colleagueForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("activity", colleagues.check(token));
        model.addAttribute("token", token);
        if (result.hasErrors()) {
            return "participants/colleague-form";
        }
        try {
            colleagues.send(token, colleagueForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return "participants/colleague-form";
        }
        redirect.addFlashAttribute("flash", "colleague.sent");
        return "redirect:/sign-ups/" + token;
    }

    @ExceptionHandler(LinkProblem.class)
    ModelAndView problem(LinkProblem problem) {
        ModelAndView view = new ModelAndView("participants/link-problem", Map.of("reason", problem.reason()));
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
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
