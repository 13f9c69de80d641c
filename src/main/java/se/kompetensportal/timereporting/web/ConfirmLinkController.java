package se.kompetensportal.timereporting.web;

import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.timereporting.domain.Confirmations;

/**
 * The page behind the link in the confirmation mail: no login, the token is the credential. It lists the month's
 * sessions and whole hours with Confirm and Something is wrong. An unknown link answers 404, an expired or used one 410,
 * each with a page that says how to get to the month another way; a month that changed while the page was open
 * answers 409 with the new figures.
 */
@Controller
class ConfirmLinkController {

    private static final String PAGE = "timereporting/confirm";

    private final Confirmations confirmations;

    ConfirmLinkController(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/time/confirm/{token}")
    String page(@PathVariable String token, Model model) {
        Confirmations.LinkPage page = confirmations.open(token);
        model.addAttribute("page", page);
        model.addAttribute("answerForm", AnswerForm.of(page.view().month().version()));
        return PAGE;
    }

    @PostMapping("/time/confirm/{token}")
    String confirm(@PathVariable String token, @Valid @ModelAttribute AnswerForm answerForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("page", confirmations.open(token));
            return PAGE;
        }
        redirect.addFlashAttribute("outcome", confirmations.confirmByLink(token, answerForm.version()).name());
        return "redirect:/time/answered";
    }

    @PostMapping("/time/confirm/{token}/dispute")
    String dispute(@PathVariable String token, @Valid @ModelAttribute AnswerForm answerForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        answerForm.requireComment(result);
        if (result.hasErrors()) {
            model.addAttribute("page", confirmations.open(token));
            model.addAttribute("disputeOpen", true);
            return PAGE;
        }
        redirect.addFlashAttribute("outcome",
                confirmations.disputeByLink(token, answerForm.version(), answerForm.comment()).name());
        return "redirect:/time/answered";
    }

    @GetMapping("/time/answered")
    String answered() {
        return "timereporting/answered";
    }

    @ExceptionHandler(Confirmations.LinkProblem.class)
    ModelAndView linkProblem(Confirmations.LinkProblem problem) {
        ModelAndView view = new ModelAndView("timereporting/link-problem", Map.of("reason", problem.reason()));
        if (problem.month() != null) {
            view.addObject("problemMonth", problem.month());
        }
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
    }

    /** The month changed (a correction) after the page was shown: the page again, with the new figures, as 409. */
    @ExceptionHandler(Confirmations.TimeChanged.class)
    ModelAndView changed(Confirmations.TimeChanged changed, jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        String token = path.replaceFirst("^.*/time/confirm/", "").replaceFirst("/dispute$", "");
        ModelAndView view = new ModelAndView(PAGE);
        view.addObject("page", new Confirmations.LinkPage(changed.current(), token));
        view.addObject("answerForm", AnswerForm.of(changed.current().month().version()));
        view.addObject("changed", true);
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }
}
