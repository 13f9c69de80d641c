package se.kompetensportal.notifications.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.notifications.domain.OutboxService;
import se.kompetensportal.notifications.domain.OutboxStatus;
import se.kompetensportal.shared.security.CurrentUser;

/** The outbox: every mail the portal sent or is about to send. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    private static final int PAGE_SIZE = 30;

    private final OutboxService outbox;

    OutboxController(OutboxService outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String list(@RequestParam(required = false) OutboxStatus status, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        model.addAttribute("page", outbox.search(CurrentUser.require(), status, q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "notifications/outbox-list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("message", outbox.message(CurrentUser.require(), id));
        return "notifications/outbox-message";
    }

    /** The HTML body, served alone under a sandboxing policy so that nothing in it runs or loads. */
    @GetMapping("/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(outbox.html(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        outbox.retry(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "outbox.retried");
        return "redirect:/admin/outbox/" + id;
    }
}
