package se.kompetensportal.knowledge.web;

import java.io.IOException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.knowledge.domain.ItemStatus;
import se.kompetensportal.knowledge.domain.ItemView;
import se.kompetensportal.knowledge.domain.KnowledgeAttachments;
import se.kompetensportal.knowledge.domain.KnowledgeCatalogue;
import se.kompetensportal.knowledge.domain.KnowledgeFiles;
import se.kompetensportal.knowledge.domain.KnowledgeForm;
import se.kompetensportal.knowledge.domain.KnowledgeItem;
import se.kompetensportal.knowledge.domain.KnowledgeService;
import se.kompetensportal.knowledge.domain.Licence;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * The staff's knowledge bank: a project's items by status, the editor, review and publication, files with their
 * summaries (items made from final reports and collaboration projects: {@link KnowledgeSourcesController}).
 */
@Controller
@RequestMapping("/admin/knowledge")
class KnowledgeAdminController {

    private static final String FORM = "knowledge/admin/form";

    /** A file's text summary, given with the upload. */
    record AttachmentForm(@NotBlank @Size(max = 2000) String summary) {
    }

    private final KnowledgeService knowledge;
    private final KnowledgeAttachments files;
    private final KnowledgeCatalogue catalogue;

    KnowledgeAdminController(KnowledgeService knowledge, KnowledgeAttachments files, KnowledgeCatalogue catalogue) {
        this.knowledge = knowledge;
        this.files = files;
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) ItemStatus status,
            Model model) {
        List<ProjectInfo> projects = knowledge.manageableProjects(CurrentUser.require());
        model.addAttribute("projects", projects);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("status", status);
        Long chosen = projectId != null ? projectId : projects.isEmpty() ? null : projects.getFirst().id();
        if (chosen != null) {
            PortalUser user = CurrentUser.require();
            model.addAttribute("project", knowledge.project(user, chosen));
            model.addAttribute("rows", knowledge.list(user, chosen, status));
        }
        return "knowledge/admin/list";
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam long projectId, Model model) {
        model.addAttribute("knowledgeForm", KnowledgeForm.empty());
        return form(projectId, null, model);
    }

    @PostMapping
    String processCreationForm(@RequestParam long projectId, @Valid @ModelAttribute KnowledgeForm knowledgeForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = knowledge.create(CurrentUser.require(), projectId, knowledgeForm);
                redirect.addFlashAttribute("flash", "knowledge.created");
                return "redirect:/admin/knowledge/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return form(projectId, null, model);
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable long id, Model model) {
        KnowledgeItem item = knowledge.item(CurrentUser.require(), id);
        model.addAttribute("knowledgeForm", KnowledgeForm.of(item));
        return form(item.getProjectId(), item, model);
    }

    @PostMapping("/{id}")
    String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute KnowledgeForm knowledgeForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        KnowledgeItem item = knowledge.item(CurrentUser.require(), id);
        if (!result.hasErrors()) {
            try {
                knowledge.update(CurrentUser.require(), id, knowledgeForm);
                redirect.addFlashAttribute("flash", "knowledge.saved");
                return "redirect:/admin/knowledge/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        return form(item.getProjectId(), item, model);
    }

    /** The item's page as it will look once published. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        KnowledgeItem item = knowledge.item(CurrentUser.require(), id);
        model.addAttribute("details", catalogue.details(item));
        model.addAttribute("preview", item.getStatus());
        model.addAttribute("itemId", id);
        return "knowledge/item";
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        knowledge.submit(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "knowledge.submitted");
        return "redirect:/admin/knowledge/" + id;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        knowledge.publish(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "knowledge.published");
        return "redirect:/admin/knowledge/" + id;
    }

    @PostMapping("/{id}/return")
    String returnToDraft(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        knowledge.returnToDraft(CurrentUser.require(), id, comment);
        redirect.addFlashAttribute("flash", "knowledge.returned");
        return "redirect:/admin/knowledge/" + id;
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@PathVariable long id, RedirectAttributes redirect) {
        knowledge.unpublish(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "knowledge.unpublished");
        return "redirect:/admin/knowledge/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        long projectId = knowledge.delete(CurrentUser.require(), id);
        redirect.addFlashAttribute("flash", "knowledge.deleted");
        return "redirect:/admin/knowledge?projectId=" + projectId;
    }

    @PostMapping("/{id}/files")
    String addFile(@PathVariable long id, @Valid @ModelAttribute AttachmentForm attachmentForm, BindingResult result,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        KnowledgeItem item = knowledge.item(CurrentUser.require(), id);
        if (file == null || file.isEmpty()) {
            result.rejectValue("summary", "knowledge.attachment.empty");
        }
        if (!result.hasErrors()) {
            try {
                files.addAttachment(CurrentUser.require(), id, file.getOriginalFilename(), file.getBytes(), attachmentForm.summary());
                redirect.addFlashAttribute("flash", "knowledge.attachment.added");
                return "redirect:/admin/knowledge/" + id + "#files";
            } catch (FieldRejectedException e) {
                result.rejectValue("summary", e.messageKey(), new Object[] {KnowledgeFiles.MAX_MEGABYTES}, null);
            }
        }
        model.addAttribute("knowledgeForm", KnowledgeForm.of(item));
        model.addAttribute("fileRejected", true);
        return form(item.getProjectId(), item, model);
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String deleteFile(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        files.deleteAttachment(CurrentUser.require(), id, fileId);
        redirect.addFlashAttribute("flash", "knowledge.attachment.deleted");
        return "redirect:/admin/knowledge/" + id + "#files";
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return Files.of(files.download(CurrentUser.require(), id, fileId), false);
    }

    private String form(long projectId, KnowledgeItem item, Model model) {
        model.addAttribute("project", knowledge.project(CurrentUser.require(), projectId));
        model.addAttribute("options", knowledge.options(CurrentUser.require(), projectId));
        model.addAttribute("kinds", KnowledgeKind.values());
        model.addAttribute("licences", Licence.values());
        model.addAttribute("item", item == null ? null : ItemView.of(item));
        if (item != null) {
            model.addAttribute("attachments", files.attachments(CurrentUser.require(), item.getId()));
            if (!model.containsAttribute("attachmentForm")) {
                model.addAttribute("attachmentForm", new AttachmentForm(""));
            }
        }
        model.addAttribute("maxMegabytes", KnowledgeFiles.MAX_MEGABYTES);
        return FORM;
    }
}
