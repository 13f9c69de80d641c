package se.kompetensportal.newsletter.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.newsletter.domain.SubscriptionService;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * A signed-in user's own newsletters (linked from "Mina uppgifter"): every project's newsletter, subscribed to with the
 * account's address at one click, since signing in proved the address.
 */
@Controller
class MyNewslettersController {

    private final SubscriptionService subscriptions;

    MyNewslettersController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/my/newsletters")
    String mine(Model model) {
        model.addAttribute("subscriptions", subscriptions.mine(CurrentUser.require()));
        return "newsletter/mine";
    }

    @PostMapping("/my/newsletters/{projectId}/subscribe")
    String subscribe(@PathVariable long projectId, Locale locale, RedirectAttributes redirect) {
        subscriptions.subscribeMe(CurrentUser.require(), projectId, locale);
        redirect.addFlashAttribute("flash", "newsletter.mine.subscribed");
        return "redirect:/my/newsletters";
    }

    @PostMapping("/my/newsletters/{projectId}/unsubscribe")
    String unsubscribe(@PathVariable long projectId, RedirectAttributes redirect) {
        subscriptions.unsubscribeMe(CurrentUser.require(), projectId);
        redirect.addFlashAttribute("flash", "newsletter.mine.unsubscribed");
        return "redirect:/my/newsletters";
    }
}
