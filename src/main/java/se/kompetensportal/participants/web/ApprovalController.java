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
import se.kompetensportal.participants.domain.ApprovalService;
import se.kompetensportal.participants.domain.LinkProblem;

/**
 * A manager's single-use link: approve or decline a sign-up, without login. Unknown 404, run out 410, answered 409
 * (the answer itself is confirmed on {@code /approvals/answered}).
 */
@Controller
class ApprovalController {

    private final ApprovalService approvals;

    ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/approvals/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("approval", approvals.page(token));
        return "participants/approval";
    }

    @GetMapping("/approvals/answered")
    String answered() {
        return "participants/approval-answered";
    }

    @PostMapping("/approvals/{token}/approve")
    String approve(@PathVariable String token, RedirectAttributes redirect) {
        approvals.approve(token);
        redirect.addFlashAttribute("flash", "approval.approved");
        return "redirect:/approvals/answered";
    }

    @PostMapping("/approvals/{token}/decline")
    String decline(@PathVariable String token, RedirectAttributes redirect) {
        approvals.decline(token);
        redirect.addFlashAttribute("flash", "approval.declined");
        return "redirect:/approvals/answered";
    }

    @ExceptionHandler(LinkProblem.class)
    ModelAndView problem(LinkProblem problem) {
        ModelAndView view = new ModelAndView("participants/link-problem", Map.of("reason", problem.reason()));
        view.setStatus(HttpStatus.valueOf(problem.status()));
        return view;
    }
}
