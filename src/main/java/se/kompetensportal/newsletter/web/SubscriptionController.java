package se.kompetensportal.newsletter.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.newsletter.domain.SubscriptionService;
import se.kompetensportal.newsletter.domain.SubscriptionService.LinkOutcome;
import se.kompetensportal.newsletter.domain.SubscriptionService.LinkResult;

/**
 * Subscribing from the public form (double opt-in), confirming by the link in the mail, and unsubscribing by the link
 * in every issue, all without login. A link opened in the browser shows a button, and only the button's POST changes
 * anything, so that a mail scanner that follows links neither confirms nor unsubscribes; the one-click POST from a
 * mail program (RFC 8058) unsubscribes at once.
 */
@Controller
class SubscriptionController {

    private static final String FORM = "newsletter/subscribe";
    private static final String LINK = "newsletter/link";

    /** The public subscription form. */
    record SubscribeForm(@NotNull Long projectId, @NotBlank @Email @Size(max = 320) String email,
            @NotNull(message = "{newsletter.subscribe.consent.required}")
            @AssertTrue(message = "{newsletter.subscribe.consent.required}") Boolean consent) {
    }

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/newsletter/subscribe")
    String form(@RequestParam long project, @RequestParam(required = false) String sent, Model model) {
        model.addAttribute("project", subscriptions.project(project));
        model.addAttribute("subscribeForm", new SubscribeForm(project, "", null));
        model.addAttribute("sent", sent != null);
        return FORM;
    }

    @PostMapping("/newsletter/subscribe")
    String subscribe(@Valid @ModelAttribute SubscribeForm subscribeForm, BindingResult result, Locale locale,
            Model model) {
        if (subscribeForm.projectId() == null) {
            throw new se.kompetensportal.shared.web.NotFoundException("Project", null);
        }
        model.addAttribute("project", subscriptions.project(subscribeForm.projectId()));
        if (result.hasErrors()) {
            model.addAttribute("sent", false);
            return FORM;
        }
        subscriptions.request(subscribeForm.projectId(), subscribeForm.email(), locale);
        return "redirect:/newsletter/subscribe?project=" + subscribeForm.projectId() + "&sent";
    }

    @GetMapping("/newsletter/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response,
            CsrfToken csrf) {
        return link("confirm", false, subscriptions.checkConfirmation(token), token, model, response, csrf);
    }

    @PostMapping("/newsletter/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response,
            CsrfToken csrf) {
        return link("confirm", true, subscriptions.confirm(token), token, model, response, csrf);
    }

    @GetMapping("/newsletter/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response,
            CsrfToken csrf) {
        return link("unsubscribe", false, subscriptions.checkUnsubscribe(token), token, model, response, csrf);
    }

    /** The page's button, and the one-click POST of a mail program (body {@code List-Unsubscribe=One-Click}). */
    @PostMapping("/newsletter/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response,
            CsrfToken csrf) {
        return link("unsubscribe", true, subscriptions.unsubscribe(token), token, model, response, csrf);
    }

    /**
     * The page a link leads to: a button to go on (link valid, not yet used), what was done, or why not: a used
     * confirmation link and an expired one answer 410, an unknown link 404.
     */
    private static String link(String action, boolean used, LinkResult result, String token, Model model,
            HttpServletResponse response, CsrfToken csrf) {
        if (!used && csrf != null) {
            // The page's button is a form with the token: made before the page is streamed out.
            csrf.getToken();
        }
        model.addAttribute("action", action);
        model.addAttribute("outcome", result.outcome());
        model.addAttribute("done", used && result.outcome() == LinkOutcome.DONE);
        model.addAttribute("project", result.project());
        model.addAttribute("token", token);
        switch (result.outcome()) {
            case UNKNOWN -> response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            case EXPIRED -> response.setStatus(HttpServletResponse.SC_GONE);
            case ALREADY_DONE -> {
                if ("confirm".equals(action)) {
                    response.setStatus(HttpServletResponse.SC_GONE);
                }
            }
            case DONE -> {
            }
        }
        return LINK;
    }
}
