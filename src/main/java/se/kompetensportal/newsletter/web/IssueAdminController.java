package se.kompetensportal.newsletter.web;

import java.util.List;
import java.util.Locale;

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
import se.kompetensportal.newsletter.domain.Issue;
import se.kompetensportal.newsletter.domain.IssueService;
import se.kompetensportal.newsletter.domain.IssueService.ExternalForm;
import se.kompetensportal.newsletter.domain.IssueService.TextForm;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;

/**
 * The secretary's newsletter: a project's issues and subscriber counts, a new draft filled by the portal, its editor
 * (subject, intro, items, other actors' activities), the preview in the browser and as a test mail, sending with a
 * progress bar.
 */
@Controller
@RequestMapping("/admin/newsletters")
class IssueAdminController {

    private static final String EDIT = "newsletter/admin/issue";

    private final IssueService issues;

    IssueAdminController(IssueService issues) {
        this.issues = issues;
    }

    @GetMapping
    String overview(@RequestParam(required = false) Long projectId, Model model) {
        List<ProjectInfo> projects = issues.manageableProjects(CurrentUser.require());
        model.addAttribute("projects", projects);
        Long chosen = projectId != null ? projectId : projects.isEmpty() ? null : projects.getFirst().id();
        if (chosen != null) {
            model.addAttribute("overview", issues.overview(CurrentUser.require(), chosen));
        }
        return "newsletter/admin/list";
    }

    @PostMapping("/new")
    String create(@RequestParam long projectId, Locale locale, RedirectAttributes redirect) {
        long id = issues.createDraft(CurrentUser.require(), projectId, locale);
        redirect.addFlashAttribute("flash", "newsletter.issue.created");
        return "redirect:/admin/newsletters/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Issue issue = issues.issue(CurrentUser.require(), id);
        model.addAttribute("textForm", new TextForm(issue.getSubject(), issue.getIntro(), issue.getVersion()));
        model.addAttribute("externalForm", ExternalForm.empty());
        return page(issue, model);
    }

    @PostMapping("/{id}/text")
    String editText(@PathVariable long id, @Valid @ModelAttribute TextForm textForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Issue issue = issues.issue(CurrentUser.require(), id);
        if (result.hasErrors()) {
            model.addAttribute("externalForm", ExternalForm.empty());
            return page(issue, model);
        }
        issues.editText(CurrentUser.require(), id, textForm);
        redirect.addFlashAttribute("flash", "newsletter.issue.saved");
        return "redirect:/admin/newsletters/" + id;
    }

    @PostMapping("/{id}/external")
    String addExternal(@PathVariable long id, @Valid @ModelAttribute ExternalForm externalForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Issue issue = issues.issue(CurrentUser.require(), id);
        if (result.hasErrors()) {
            model.addAttribute("textForm", new TextForm(issue.getSubject(), issue.getIntro(), issue.getVersion()));
            return page(issue, model);
        }
        issues.addExternal(CurrentUser.require(), id, externalForm);
        redirect.addFlashAttribute("flash", "newsletter.external.added");
        return "redirect:/admin/newsletters/" + id + "#items";
    }

    @PostMapping("/{id}/items/{itemId}/delete")
    String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        issues.removeItem(CurrentUser.require(), id, itemId);
        redirect.addFlashAttribute("flash", "newsletter.item.removed");
        return "redirect:/admin/newsletters/" + id + "#items";
    }

    @GetMapping("/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        model.addAttribute("letter", issues.preview(CurrentUser.require(), id));
        model.addAttribute("issueId", id);
        return "newsletter/admin/preview";
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        String email = issues.sendTest(CurrentUser.require(), id, locale);
        redirect.addFlashAttribute("flash", "newsletter.test.sent");
        redirect.addFlashAttribute("flashArgs", email);
        return "redirect:/admin/newsletters/" + id;
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        issues.startSending(CurrentUser.require(), id, version);
        redirect.addFlashAttribute("flash", "newsletter.issue.sending");
        return "redirect:/admin/newsletters/" + id;
    }

    /** The progress bar alone, for the page to refresh while the issue goes out. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("issueId", id);
        model.addAttribute("progress", issues.progress(CurrentUser.require(), id));
        return "newsletter/admin/progress :: progress";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        long projectId = issues.deleteDraft(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "newsletter.issue.deleted");
        return "redirect:/admin/newsletters?projectId=" + projectId;
    }

    private String page(Issue issue, Model model) {
        model.addAttribute("issue", new IssueService.IssueView(issue.getId(), issue.getProjectId(), issue.getNumber(),
                issue.getStatus(), issue.getVersion()));
        model.addAttribute("issueId", issue.getId());
        model.addAttribute("overview", issues.overview(CurrentUser.require(), issue.getProjectId()));
        model.addAttribute("items", issues.items(CurrentUser.require(), issue.getId()));
        model.addAttribute("progress", issues.progress(CurrentUser.require(), issue.getId()));
        return EDIT;
    }
}
