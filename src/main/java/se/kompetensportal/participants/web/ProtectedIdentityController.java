package se.kompetensportal.participants.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.ProtectedIdentityMarks;
import se.kompetensportal.shared.security.CurrentUser;

/** A person's protected identity (skyddad identitet): the mark, its history, and marking or unmarking it. */
@Controller
class ProtectedIdentityController {

    private final ProtectedIdentityMarks marks;

    ProtectedIdentityController(ProtectedIdentityMarks marks) {
        this.marks = marks;
    }

    @GetMapping("/admin/people/{personId:\\d+}/protected-identity")
    String show(@PathVariable long personId, Model model) {
        model.addAttribute("status", marks.status(personId, CurrentUser.require()));
        return "participants/protected-identity";
    }

    @PostMapping("/admin/people/{personId:\\d+}/protected-identity")
    String mark(@PathVariable long personId, @RequestParam boolean protectedIdentity, RedirectAttributes redirect) {
        marks.mark(personId, protectedIdentity, CurrentUser.require());
        redirect.addFlashAttribute("flash", protectedIdentity ? "protectedIdentity.marked" : "protectedIdentity.unmarked");
        return "redirect:/admin/people/" + personId + "/protected-identity";
    }
}
