package se.kompetensportal.participants.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.LinkProblem;
import se.kompetensportal.participants.domain.OfferService;

/**
 * The page the link in a waiting-list offer opens: take the seat or say no, without logging in (the 256-bit token is
 * the credential). An unknown link answers 404, an offer no longer open 409, one of a closed activity 410.
 */
@Controller
class OfferController {

    private final OfferService offers;

    OfferController(OfferService offers) {
        this.offers = offers;
    }

    @GetMapping("/offers/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("offer", offers.page(token));
        return "participants/offer";
    }

    @PostMapping("/offers/{token}/accept")
    String accept(@PathVariable String token, RedirectAttributes redirect) {
        offers.accept(token);
        redirect.addFlashAttribute("flash", "offer.accepted");
        return "redirect:/offers/" + token;
    }

    @PostMapping("/offers/{token}/decline")
    String decline(@PathVariable String token, RedirectAttributes redirect) {
        offers.decline(token);
        redirect.addFlashAttribute("flash", "offer.declined");
        return "redirect:/offers/" + token;
    }

    @ExceptionHandler(LinkProblem.class)
    ModelAndView problem(LinkProblem problem) {
        ModelAndView view = new ModelAndView("participants/link-problem", Map.of("reason", problem.reason()));
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
    }
}
