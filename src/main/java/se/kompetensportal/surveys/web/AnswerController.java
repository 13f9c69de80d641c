package se.kompetensportal.surveys.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import se.kompetensportal.surveys.domain.AnswerService;
import se.kompetensportal.surveys.domain.AnswerSheet;
import se.kompetensportal.surveys.domain.EvaluationService;

/**
 * The survey form behind the personal link in an invitation, and behind an open link: no login, the token in the
 * address is the credential. A link that is unknown or not open yet (404), already used or closed (410) gets a page
 * that says so.
 */
@Controller
class AnswerController {

    private final AnswerService answers;

    AnswerController(AnswerService answers) {
        this.answers = answers;
    }

    @GetMapping("/evaluations/answer/{token}")
    String form(@PathVariable String token, Model model, Locale locale) {
        EvaluationService.AnswerPage page = answers.open(token, locale);
        model.addAttribute("page", page);
        model.addAttribute("state", FormState.empty(page.questions()));
        model.addAttribute("action", "/evaluations/answer/" + token);
        return "surveys/answer";
    }

    @PostMapping("/evaluations/answer/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters, Model model,
            HttpServletResponse response, Locale locale) {
        AnswerSheet.Result result = answers.submit(token, parameters);
        if (!result.valid()) {
            EvaluationService.AnswerPage page = answers.open(token, locale);
            model.addAttribute("page", page);
            model.addAttribute("state", FormState.of(page.questions(), result));
            model.addAttribute("action", "/evaluations/answer/" + token);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "surveys/answer";
        }
        return "redirect:/evaluations/thanks";
    }

    @GetMapping("/surveys/open/{token}")
    String openForm(@PathVariable String token, Model model, Locale locale) {
        AnswerService.OpenPage open = answers.openLink(token, locale);
        model.addAttribute("open", open);
        model.addAttribute("page", open.page());
        model.addAttribute("state", FormState.empty(open.page().questions()));
        model.addAttribute("action", "/surveys/open/" + token);
        return "surveys/answer";
    }

    @PostMapping("/surveys/open/{token}")
    String submitOpen(@PathVariable String token, @RequestParam(required = false) String accessCode,
            @RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletResponse response,
            Locale locale) {
        AnswerSheet.Result result = answers.submitOpen(token, accessCode, parameters);
        if (!result.valid()) {
            AnswerService.OpenPage open = answers.openLink(token, locale);
            model.addAttribute("open", open);
            model.addAttribute("page", open.page());
            model.addAttribute("state", FormState.of(open.page().questions(), result));
            model.addAttribute("action", "/surveys/open/" + token);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "surveys/answer";
        }
        return "redirect:/evaluations/thanks?open=true";
    }

    @GetMapping("/evaluations/thanks")
    String thanks(@RequestParam(required = false) boolean open, Model model) {
        model.addAttribute("openLink", open);
        return "surveys/thanks";
    }

    @ExceptionHandler(AnswerService.LinkProblem.class)
    ModelAndView linkProblem(AnswerService.LinkProblem problem) {
        ModelAndView view = new ModelAndView("surveys/link-problem", Map.of("reason", problem.reason()));
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
    }
}
