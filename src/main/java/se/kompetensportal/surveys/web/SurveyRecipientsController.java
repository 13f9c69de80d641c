package se.kompetensportal.surveys.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.surveys.domain.IdentifiedResponses;
import se.kompetensportal.surveys.domain.SurveyRecipients;

/**
 * Who a mapping or ad-hoc survey goes to (the register, an uploaded list, removing one) and, for an identified survey,
 * who answered what. For the survey project's secretaries.
 */@Controller
class SurveyRecipientsController {

    private final SurveyRecipients recipients;
    private final IdentifiedResponses named;

    SurveyRecipientsController(SurveyRecipients recipients, IdentifiedResponses named) {
        this.recipients = recipients;
        this.named = named;
    }

    @GetMapping("/admin/surveys/{id}/recipients")
    String recipients(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model, Locale locale) {
        model.addAttribute("page", recipients.recipients(user, id, locale));
        model.addAttribute("maxListMegabytes", SurveyRecipients.maxListMegabytes());
        return "surveys/recipients";
    }

    @PostMapping("/admin/surveys/{id}/recipients/register")
    String addFromRegister(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam SurveyRecipients.Criterion criterion,
            @RequestParam(name = "chosen", required = false) List<Long> chosen, RedirectAttributes redirect) {
        int added = recipients.addFromRegister(user, id, criterion, chosen);
        redirect.addFlashAttribute("flash", "survey.recipients.added");
        redirect.addFlashAttribute("flashArgs", added);
        return "redirect:/admin/surveys/" + id + "/recipients";
    }

    @PostMapping("/admin/surveys/{id}/recipients/list")
    String upload(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam(name = "file",
            required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
        if (file != null && file.getSize() > SurveyRecipients.maxListMegabytes() * 1024 * 1024) {
            // Refused before it is read; the limit is the list's, well under the portal's upload limit.
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("tooLarge", true);
            return recipients(user, id, model, locale);
        }
        SurveyRecipients.ImportResult result = recipients.importList(user, id,
                file == null ? new byte[0] : file.getBytes());
        if (result.valid()) {
            redirect.addFlashAttribute("flash", "survey.recipients.imported");
            redirect.addFlashAttribute("flashArgs", result.added());
            return "redirect:/admin/surveys/" + id + "/recipients";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("importResult", result);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return recipients(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/recipients/{invitationId}/delete")
    String removeRecipient(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @PathVariable long invitationId, RedirectAttributes redirect) {
        recipients.removeRecipient(user, id, invitationId);
        redirect.addFlashAttribute("flash", "survey.recipients.removed");
        return "redirect:/admin/surveys/" + id + "/recipients";
    }

    @GetMapping("/admin/surveys/{id}/responses")
    String namedResponses(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model, Locale locale) {
        model.addAttribute("page", named.namedResponses(user, id, locale));
        return "surveys/named-responses";
    }
}
