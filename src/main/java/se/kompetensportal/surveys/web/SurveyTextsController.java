package se.kompetensportal.surveys.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.surveys.domain.SurveyTextsService;
import se.kompetensportal.surveys.domain.SurveyTextsForm;

/** A survey's own invitation and reminder texts (every kind, course evaluations included): edit, preview, reset. */@Controller
class SurveyTextsController {

    private final SurveyTextsService texts;

    SurveyTextsController(SurveyTextsService texts) {
        this.texts = texts;
    }

    @GetMapping("/admin/surveys/{id}/texts")
    String texts(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model, Locale locale) {
        SurveyTextsForm form = texts.textsForm(user, id);
        return textsPage(user, id, form, model, locale, false);
    }

    private String textsPage(PortalUser user, long id, SurveyTextsForm form, Model model, Locale locale,
            boolean preview) {
        model.addAttribute("textsForm", form);
        model.addAttribute("texts", texts.texts(user, id, form, locale));
        model.addAttribute("back", texts.pageOf(user, id));
        model.addAttribute("showPreview", preview);
        return "surveys/texts";
    }

    @PostMapping("/admin/surveys/{id}/texts")
    String saveTexts(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("textsForm") SurveyTextsForm form,
            BindingResult errors, @RequestParam(required = false) String preview, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            texts.textProblems(form).forEach(p -> p.rejectOn(errors));
        }
        if (preview != null) {
            if (errors.hasErrors()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return textsPage(user, id, form, model, locale, !errors.hasErrors());
        }
        if (!errors.hasErrors()) {
            texts.saveTexts(user, id, form);
            redirect.addFlashAttribute("flash", "survey.texts.saved");
            return "redirect:/admin/surveys/" + id + "/texts";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return textsPage(user, id, form, model, locale, false);
    }

    @PostMapping("/admin/surveys/{id}/texts/reset")
    String resetTexts(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        texts.resetTexts(user, id, version);
        redirect.addFlashAttribute("flash", "survey.texts.wasReset");
        return "redirect:/admin/surveys/" + id + "/texts";
    }
}
