package se.kompetensportal.surveys.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.QuestionForm;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.SurveyForm;
import se.kompetensportal.surveys.domain.SurveyKind;
import se.kompetensportal.surveys.domain.SurveyService;
import se.kompetensportal.surveys.domain.SurveySettingsForm;
import se.kompetensportal.surveys.domain.SurveyTextsForm;
import se.kompetensportal.surveys.domain.TemplateService;

/**
 * The secretary's pages of mapping, follow-up and ad-hoc surveys: the project's surveys, one survey (settings,
 * questions, open links, sending), its recipients (register, uploaded list), its texts, and an identified survey's
 * named responses.
 */
@Controller
class SurveyAdminController {

    record SendForm(LocalDate closesOn) {
    }

    record LinkForm(Long organisationId, String accessCode) {
    }

    private final SurveyService surveys;
    private final EvaluationService evaluations;
    private final TemplateService templates;

    SurveyAdminController(SurveyService surveys, EvaluationService evaluations, TemplateService templates) {
        this.surveys = surveys;
        this.evaluations = evaluations;
        this.templates = templates;
    }

    @GetMapping("/admin/surveys")
    String list(@RequestParam(required = false) Long projectId, Model model, Locale locale) {
        List<ProjectInfo> projects = evaluations.projects(true);
        long project = EvaluationAdminController.chosen(projectId, projects);
        return listPage(project, projects, model, SurveyForm.empty(project), locale);
    }

    private String listPage(long projectId, List<ProjectInfo> projects, Model model, SurveyForm form, Locale locale) {
        model.addAttribute("projects", projects);
        model.addAttribute("projectId", projectId);
        model.addAttribute("surveys", surveys.surveys(projectId, locale));
        model.addAttribute("activities", surveys.followUpCandidates(projectId));
        model.addAttribute("templates", templates.templates(projectId).stream()
                .filter(t -> t.kind() != SurveyKind.COURSE_EVALUATION).toList());
        model.addAttribute("kinds", List.of(SurveyKind.MAPPING, SurveyKind.FOLLOW_UP, SurveyKind.AD_HOC));
        if (!model.containsAttribute("surveyForm")) {
            model.addAttribute("surveyForm", form);
        }
        return "surveys/surveys";
    }

    @PostMapping("/admin/surveys")
    String create(@Valid @ModelAttribute("surveyForm") SurveyForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                long id = surveys.create(form);
                redirect.addFlashAttribute("flash", "survey.created");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        List<ProjectInfo> projects = evaluations.projects(true);
        long project = EvaluationAdminController.chosen(form.projectId(), projects);
        model.addAttribute("createOpen", true);
        return listPage(project, projects, model, form, locale);
    }

    @GetMapping("/admin/surveys/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        if (evaluations.surveyPage(id) == null) {
            return "redirect:/admin/evaluations/" + id;
        }
        return page(id, model, locale);
    }

    private String page(long id, Model model, Locale locale) {
        SurveyService.SurveyView view = surveys.survey(id, locale);
        model.addAttribute("view", view);
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.empty());
        }
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", new SurveySettingsForm(view.titleSv(), view.titleEn(), view.identified(),
                    view.followUpMonths(), view.version()));
        }
        if (!model.containsAttribute("closingForm")) {
            model.addAttribute("closingForm", new EvaluationAdminController.ClosingForm(view.closesOn(), view.version()));
        }
        if (!model.containsAttribute("sendForm")) {
            model.addAttribute("sendForm", new SendForm(null));
        }
        if (!model.containsAttribute("linkForm")) {
            model.addAttribute("linkForm", new LinkForm(null, ""));
        }
        model.addAttribute("actors", surveys.actors(id));
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", EvaluationAdminController.QUESTION_SOURCES);
        model.addAttribute("maxListMegabytes", SurveyService.maxListMegabytes());
        return "surveys/survey";
    }

    @PostMapping("/admin/surveys/{id}/settings")
    String settings(@PathVariable long id, @Valid @ModelAttribute("settingsForm") SurveySettingsForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                surveys.updateSettings(id, form);
                redirect.addFlashAttribute("flash", "survey.saved");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("settingsOpen", true);
        return page(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/questions")
    String addQuestion(@PathVariable long id, @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                templates.addToEvaluation(id, form);
                redirect.addFlashAttribute("flash", "question.added");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("questionOpen", true);
        return page(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/send")
    String send(@PathVariable long id, @ModelAttribute("sendForm") SendForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                int sent = surveys.send(id, form.closesOn());
                redirect.addFlashAttribute("flash", "survey.sent");
                redirect.addFlashAttribute("flashArgs", sent);
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/closing")
    String closing(@PathVariable long id, @Valid @ModelAttribute("closingForm") EvaluationAdminController.ClosingForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                evaluations.changeClosingDate(id, form.closesOn(), form.version());
                redirect.addFlashAttribute("flash", "evaluation.closingChanged");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/links")
    String addLink(@PathVariable long id, @ModelAttribute("linkForm") LinkForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            surveys.addOpenLink(id, form.organisationId(), form.accessCode());
            redirect.addFlashAttribute("flash", "survey.openLink.created");
            return "redirect:/admin/surveys/" + id + "#links-heading";
        } catch (FieldRejectedException e) {
            e.rejectOn(errors);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/links/{linkId}/delete")
    String deleteLink(@PathVariable long id, @PathVariable long linkId, RedirectAttributes redirect) {
        surveys.deleteOpenLink(id, linkId);
        redirect.addFlashAttribute("flash", "survey.openLink.deleted");
        return "redirect:/admin/surveys/" + id;
    }

    // Recipients

    @GetMapping("/admin/surveys/{id}/recipients")
    String recipients(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("page", surveys.recipients(id, locale));
        model.addAttribute("maxListMegabytes", SurveyService.maxListMegabytes());
        return "surveys/recipients";
    }

    @PostMapping("/admin/surveys/{id}/recipients/register")
    String addFromRegister(@PathVariable long id, @RequestParam SurveyService.Criterion criterion,
            @RequestParam(name = "chosen", required = false) List<Long> chosen, RedirectAttributes redirect) {
        int added = surveys.addFromRegister(id, criterion, chosen);
        redirect.addFlashAttribute("flash", "survey.recipients.added");
        redirect.addFlashAttribute("flashArgs", added);
        return "redirect:/admin/surveys/" + id + "/recipients";
    }

    @PostMapping("/admin/surveys/{id}/recipients/list")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
        if (file != null && file.getSize() > SurveyService.maxListMegabytes() * 1024 * 1024) {
            // Refused before it is read; the limit is the list's, well under the portal's upload limit.
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("tooLarge", true);
            return recipients(id, model, locale);
        }
        SurveyService.ImportResult result = surveys.importList(id, file == null ? new byte[0] : file.getBytes());
        if (result.valid()) {
            redirect.addFlashAttribute("flash", "survey.recipients.imported");
            redirect.addFlashAttribute("flashArgs", result.added());
            return "redirect:/admin/surveys/" + id + "/recipients";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("importResult", result);
        model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
        return recipients(id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/recipients/{invitationId}/delete")
    String removeRecipient(@PathVariable long id, @PathVariable long invitationId, RedirectAttributes redirect) {
        surveys.removeRecipient(id, invitationId);
        redirect.addFlashAttribute("flash", "survey.recipients.removed");
        return "redirect:/admin/surveys/" + id + "/recipients";
    }

    // Texts (for every kind, course evaluations included)

    @GetMapping("/admin/surveys/{id}/texts")
    String texts(@PathVariable long id, Model model, Locale locale) {
        SurveyTextsForm form = surveys.textsForm(id);
        return textsPage(id, form, model, locale, false);
    }

    private String textsPage(long id, SurveyTextsForm form, Model model, Locale locale, boolean preview) {
        model.addAttribute("textsForm", form);
        model.addAttribute("texts", surveys.texts(id, form, locale));
        model.addAttribute("back", surveys.pageOf(id));
        model.addAttribute("showPreview", preview);
        return "surveys/texts";
    }

    @PostMapping("/admin/surveys/{id}/texts")
    String saveTexts(@PathVariable long id, @Valid @ModelAttribute("textsForm") SurveyTextsForm form,
            BindingResult errors, @RequestParam(required = false) String preview, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            surveys.textProblems(form).forEach(p -> p.rejectOn(errors));
        }
        if (preview != null) {
            if (errors.hasErrors()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return textsPage(id, form, model, locale, !errors.hasErrors());
        }
        if (!errors.hasErrors()) {
            surveys.saveTexts(id, form);
            redirect.addFlashAttribute("flash", "survey.texts.saved");
            return "redirect:/admin/surveys/" + id + "/texts";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return textsPage(id, form, model, locale, false);
    }

    @PostMapping("/admin/surveys/{id}/texts/reset")
    String resetTexts(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        surveys.resetTexts(id, version);
        redirect.addFlashAttribute("flash", "survey.texts.wasReset");
        return "redirect:/admin/surveys/" + id + "/texts";
    }

    @GetMapping("/admin/surveys/{id}/responses")
    String namedResponses(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("page", surveys.namedResponses(id, locale));
        return "surveys/named-responses";
    }
}
