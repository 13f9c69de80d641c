package se.kompetensportal.surveys.web;

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
 * The evaluation form behind the link in an invitation: no login, the token in the address is the credential. A link
 * that is unknown (404), already used or closed (410) gets a page that says so.
 */
@Controller
class AnswerController {

    private final AnswerService answers;

    AnswerController(AnswerService answers) {
        this.answers = answers;
    }

    @GetMapping("/evaluations/answer/{token}")
    String form(@PathVariable String token, Model model) {
        EvaluationService.AnswerPage page = answers.open(token);
        model.addAttribute("page", page);
        model.addAttribute("state", FormState.empty(page.questions()));
        model.addAttribute("token", token);
        return "surveys/answer";
    }

    @PostMapping("/evaluations/answer/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters, Model model,
            HttpServletResponse response) {
        AnswerSheet.Result result = answers.submit(token, parameters);
        if (!result.valid()) {
            EvaluationService.AnswerPage page = answers.open(token);
            model.addAttribute("page", page);
            model.addAttribute("state", FormState.of(page.questions(), result));
            model.addAttribute("token", token);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "surveys/answer";
        }
        return "redirect:/evaluations/thanks";
    }

    @GetMapping("/evaluations/thanks")
    String thanks() {
        return "surveys/thanks";
    }

    @ExceptionHandler(AnswerService.LinkProblem.class)
    ModelAndView linkProblem(AnswerService.LinkProblem problem) {
        ModelAndView view = new ModelAndView("surveys/link-problem", Map.of("reason", problem.reason()));
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
    }
}
