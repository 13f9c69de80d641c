package se.kompetensportal.participants.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.SignUpQuestion;
import se.kompetensportal.participants.domain.SignUpQuestionForm;
import se.kompetensportal.participants.domain.SignUpQuestions;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * The secretary's questions of an activity's sign-up form: the list, adding one (Swedish and English wording, text,
 * choice or yes/no, required or not, sensitive only for accessibility with a purpose) and removing one.
 */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/sign-up-questions")
class SignUpQuestionsController {

    private static final String VIEW = "participants/sign-up-questions";

    private final SignUpQuestions questions;

    SignUpQuestionsController(SignUpQuestions questions) {
        this.questions = questions;
    }

    @GetMapping
    String show(@PathVariable long activityId, Model model) {
        model.addAttribute("signUpQuestionForm", SignUpQuestionForm.empty());
        return view(activityId, model);
    }

    @PostMapping
    String add(@PathVariable long activityId, @Valid @ModelAttribute SignUpQuestionForm signUpQuestionForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                questions.add(CurrentUser.require(), activityId, signUpQuestionForm);
                redirect.addFlashAttribute("flash", "signUpQuestion.added");
                return "redirect:/admin/activities/" + activityId + "/sign-up-questions";
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return view(activityId, model);
    }

    @PostMapping("/{questionId:\\d+}/delete")
    String delete(@PathVariable long activityId, @PathVariable long questionId, RedirectAttributes redirect) {
        questions.delete(CurrentUser.require(), activityId, questionId);
        redirect.addFlashAttribute("flash", "signUpQuestion.deleted");
        return "redirect:/admin/activities/" + activityId + "/sign-up-questions";
    }

    private String view(long activityId, Model model) {
        model.addAttribute("activity", questions.managedActivity(CurrentUser.require(), activityId));
        model.addAttribute("questions", questions.managed(CurrentUser.require(), activityId));
        model.addAttribute("kinds", SignUpQuestion.Kind.values());
        return VIEW;
    }
}
