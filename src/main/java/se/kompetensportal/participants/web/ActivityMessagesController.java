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
import se.kompetensportal.participants.domain.ActivityMessages;
import se.kompetensportal.participants.domain.MessageAudience;
import se.kompetensportal.participants.domain.MessageForm;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * The secretary writes to an activity's participants: choose whom, write, preview, send; then follow the mails going
 * out and see the log of what went to whom.
 */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/messages")
class ActivityMessagesController {

    private static final String VIEW = "participants/activity-messages";

    private final ActivityMessages messages;

    ActivityMessagesController(ActivityMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable long activityId, Model model) {
        model.addAttribute("messageForm", MessageForm.empty());
        return view(activityId, model);
    }

    @PostMapping
    String submit(@PathVariable long activityId, @Valid @ModelAttribute MessageForm messageForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return view(activityId, model);
        }
        try {
            if (!messageForm.sendNow()) {
                model.addAttribute("preview", messages.preview(CurrentUser.require(), activityId, messageForm));
                return view(activityId, model);
            }
            long id = messages.send(CurrentUser.require(), activityId, messageForm);
            redirect.addFlashAttribute("flash", "message.sent");
            return "redirect:/admin/activities/" + activityId + "/messages/" + id;
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return view(activityId, model);
        }
    }

    @GetMapping("/{messageId:\\d+}")
    String message(@PathVariable long activityId, @PathVariable long messageId, Model model) {
        model.addAttribute("activity", messages.activity(CurrentUser.require(), activityId));
        model.addAttribute("message", messages.message(CurrentUser.require(), activityId, messageId));
        model.addAttribute("recipients", messages.recipientsOf(CurrentUser.require(), activityId, messageId));
        return "participants/activity-message";
    }

    /** The progress bar alone, which the page asks for again every two seconds while mails are waiting. */
    @GetMapping("/{messageId:\\d+}/progress")
    String progress(@PathVariable long activityId, @PathVariable long messageId, Model model) {
        model.addAttribute("activity", messages.activity(CurrentUser.require(), activityId));
        model.addAttribute("message", messages.message(CurrentUser.require(), activityId, messageId));
        return "participants/activity-message-progress :: progress";
    }

    private String view(long activityId, Model model) {
        model.addAttribute("activity", messages.activity(CurrentUser.require(), activityId));
        model.addAttribute("audiences", MessageAudience.values());
        model.addAttribute("sizes", messages.audienceSizes(CurrentUser.require(), activityId));
        model.addAttribute("log", messages.log(CurrentUser.require(), activityId));
        return VIEW;
    }
}
