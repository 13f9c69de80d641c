package se.kompetensportal.participants.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.participants.domain.DuplicateReport;
import se.kompetensportal.participants.domain.PersonMerges;
import se.kompetensportal.shared.security.CurrentUser;

/** The merge log with its undo (secretaries: their projects' people), and the register-wide duplicate report (admin). */
@Controller
class PersonMergeController {

    private final PersonMerges merges;
    private final DuplicateReport duplicates;

    PersonMergeController(PersonMerges merges, DuplicateReport duplicates) {
        this.merges = merges;
        this.duplicates = duplicates;
    }

    @GetMapping("/admin/people/merges")
    String log(Model model) {
        model.addAttribute("merges", merges.log(CurrentUser.require()));
        return "participants/merges";
    }

    @PostMapping("/admin/people/merges/{mergeId}/undo")
    String undo(@PathVariable long mergeId, RedirectAttributes redirect) {
        merges.undo(CurrentUser.require(), mergeId);
        redirect.addFlashAttribute("flash", "merge.undone");
        return "redirect:/admin/people/merges";
    }

    @GetMapping("/admin/people/duplicates")
    String duplicates(Model model) {
        model.addAttribute("groups", duplicates.report(CurrentUser.require()));
        return "participants/duplicates";
    }
}
