package se.kompetensportal.dialogfund.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.dialogfund.domain.ApplicationStatus;
import se.kompetensportal.dialogfund.domain.ReviewForm;
import se.kompetensportal.dialogfund.domain.ReviewPage;
import se.kompetensportal.dialogfund.domain.ReviewService;
import se.kompetensportal.shared.security.CurrentUser;

/** Review by steering-group members: the applications of the funds they review, and their scores. */
@Controller
@RequestMapping("/review/dialog-fund")
class ReviewController {

    private static final String PAGE = "dialogfund/review/application";

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    String list(@RequestParam(required = false) ApplicationStatus status, Model model) {
        model.addAttribute("queue", reviews.queue(CurrentUser.require(), status));
        model.addAttribute("statuses", ApplicationStatus.values());
        return "dialogfund/review/list";
    }

    @GetMapping("/applications/{applicationId}")
    String initUpdateForm(@PathVariable long applicationId, Model model) {
        ReviewPage page = reviews.page(CurrentUser.require(), applicationId);
        model.addAttribute("page", page);
        model.addAttribute("reviewForm", page.form());
        return PAGE;
    }

    @PostMapping("/applications/{applicationId}")
    String processUpdateForm(@PathVariable long applicationId, @Valid @ModelAttribute ReviewForm reviewForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("page", reviews.page(CurrentUser.require(), applicationId));
            return PAGE;
        }
        reviews.save(CurrentUser.require(), applicationId, reviewForm);
        redirect.addFlashAttribute("flash", "dialogfund.review.saved");
        return "redirect:/review/dialog-fund";
    }
}
