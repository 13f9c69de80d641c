package se.kompetensportal.timereporting.web;

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
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.timereporting.domain.Confirmations;

/**
 * "Min tid": the signed-in participant's months with their sessions and status, and Confirm / Something is wrong for
 * the months sent to them. Only their own months: another person's month answers 404.
 */
@Controller
class MyTimeController {

    private static final String PAGE = "timereporting/my-time";

    private final Confirmations confirmations;

    MyTimeController(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/my/time")
    String list(Model model) {
        model.addAttribute("months", confirmations.myMonths(CurrentUser.require()));
        return PAGE;
    }

    @PostMapping("/my/time/{monthId}/confirm")
    String confirm(@PathVariable long monthId, @Valid @ModelAttribute AnswerForm answerForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return list(model);
        }
        Confirmations.Outcome outcome = confirmations.confirmMine(CurrentUser.require(), monthId, answerForm.version());
        redirect.addFlashAttribute("flash", "time.outcome." + outcome.name());
        return "redirect:/my/time#month-" + monthId;
    }

    @PostMapping("/my/time/{monthId}/dispute")
    String dispute(@PathVariable long monthId, @Valid @ModelAttribute AnswerForm answerForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        answerForm.requireComment(result);
        if (result.hasErrors()) {
            model.addAttribute("failedMonth", monthId);
            return list(model);
        }
        Confirmations.Outcome outcome = confirmations.disputeMine(CurrentUser.require(), monthId, answerForm.version(),
                answerForm.comment());
        redirect.addFlashAttribute("flash", "time.outcome." + outcome.name());
        return "redirect:/my/time#month-" + monthId;
    }

    /** The month changed after the page was shown: the list again, with the new figures, as 409. */
    @ExceptionHandler(Confirmations.TimeChanged.class)
    ModelAndView changed(Confirmations.TimeChanged changed) {
        ModelAndView view = new ModelAndView(PAGE);
        view.addObject("months", confirmations.myMonths(CurrentUser.require()));
        view.addObject("changedMonth", changed.current().id());
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }
}
