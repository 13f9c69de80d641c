package se.kompetensportal.surveys.web;

import java.time.LocalDate;
import java.util.List;
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
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.QuestionForm;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.SurveyForm;
import se.kompetensportal.surveys.domain.SurveyKind;
import se.kompetensportal.surveys.domain.SurveyRecipients;
import se.kompetensportal.surveys.domain.SurveySending;
import se.kompetensportal.surveys.domain.SurveyService;
import se.kompetensportal.surveys.domain.SurveyView;
import se.kompetensportal.surveys.domain.SurveySettingsForm;
import se.kompetensportal.surveys.domain.TemplateService;

/**
 * The secretary's pages of mapping, follow-up and ad-hoc surveys: the project's surveys and one survey (settings,
 * questions, open links, sending). Its recipients are on {@link SurveyRecipientsController}, its texts on
 * {@link SurveyTextsController}.
 */
@Controller
class SurveyAdminController {

    record SendForm(LocalDate closesOn) {
    }

    record LinkForm(Long organisationId, String accessCode) {
    }

    private final SurveyService surveys;
    private final SurveySending sending;
    private final SurveyRecipients recipients;
    private final EvaluationService evaluations;
    private final TemplateService templates;

    SurveyAdminController(SurveyService surveys, SurveySending sending, SurveyRecipients recipients,
            EvaluationService evaluations, TemplateService templates) {
        this.surveys = surveys;
        this.sending = sending;
        this.recipients = recipients;
        this.evaluations = evaluations;
        this.templates = templates;
    }

    @GetMapping("/admin/surveys")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId, Model model,
            Locale locale) {
        List<ProjectInfo> projects = evaluations.projects(user, true);
        long project = EvaluationAdminController.chosen(projectId, projects);
        return listPage(user, project, projects, model, SurveyForm.empty(project), locale);
    }

    private String listPage(PortalUser user, long projectId, List<ProjectInfo> projects, Model model, SurveyForm form,
            Locale locale) {
        model.addAttribute("projects", projects);
        model.addAttribute("projectId", projectId);
        model.addAttribute("surveys", surveys.surveys(user, projectId, locale));
        model.addAttribute("activities", surveys.followUpCandidates(user, projectId));
        model.addAttribute("templates", templates.templates(user, projectId).stream()
                .filter(t -> t.kind() != SurveyKind.COURSE_EVALUATION).toList());
        model.addAttribute("kinds", List.of(SurveyKind.MAPPING, SurveyKind.FOLLOW_UP, SurveyKind.AD_HOC));
        if (!model.containsAttribute("surveyForm")) {
            model.addAttribute("surveyForm", form);
        }
        return "surveys/surveys";
    }

    @PostMapping("/admin/surveys")
    String create(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("surveyForm") SurveyForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                long id = surveys.create(user, form);
                redirect.addFlashAttribute("flash", "survey.created");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        List<ProjectInfo> projects = evaluations.projects(user, true);
        long project = EvaluationAdminController.chosen(form.projectId(), projects);
        model.addAttribute("createOpen", true);
        return listPage(user, project, projects, model, form, locale);
    }

    @GetMapping("/admin/surveys/{id}")
    String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model, Locale locale) {
        if (evaluations.surveyPage(user, id) == null) {
            return "redirect:/admin/evaluations/" + id;
        }
        return page(user, id, model, locale);
    }

    private String page(PortalUser user, long id, Model model, Locale locale) {
        SurveyView view = surveys.survey(user, id, locale);
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
        model.addAttribute("actors", recipients.actors(user, id));
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", EvaluationAdminController.QUESTION_SOURCES);
        model.addAttribute("maxListMegabytes", SurveyRecipients.maxListMegabytes());
        return "surveys/survey";
    }

    @PostMapping("/admin/surveys/{id}/settings")
    String settings(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("settingsForm") SurveySettingsForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                surveys.updateSettings(user, id, form);
                redirect.addFlashAttribute("flash", "survey.saved");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("settingsOpen", true);
        return page(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/questions")
    String addQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                templates.addToEvaluation(user, id, form);
                redirect.addFlashAttribute("flash", "question.added");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("questionOpen", true);
        return page(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/send")
    String send(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @ModelAttribute("sendForm") SendForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                int sent = sending.send(user, id, form.closesOn());
                redirect.addFlashAttribute("flash", "survey.sent");
                redirect.addFlashAttribute("flashArgs", sent);
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/closing")
    String closing(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("closingForm") EvaluationAdminController.ClosingForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                evaluations.changeClosingDate(user, id, form.closesOn(), form.version());
                redirect.addFlashAttribute("flash", "evaluation.closingChanged");
                return "redirect:/admin/surveys/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/links")
    String addLink(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @ModelAttribute("linkForm") LinkForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            recipients.addOpenLink(user, id, form.organisationId(), form.accessCode());
            redirect.addFlashAttribute("flash", "survey.openLink.created");
            return "redirect:/admin/surveys/" + id + "#links-heading";
        } catch (FieldRejectedException e) {
            e.rejectOn(errors);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user, id, model, locale);
    }

    @PostMapping("/admin/surveys/{id}/links/{linkId}/delete")
    String deleteLink(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long linkId,
            RedirectAttributes redirect) {
        recipients.deleteOpenLink(user, id, linkId);
        redirect.addFlashAttribute("flash", "survey.openLink.deleted");
        return "redirect:/admin/surveys/" + id;
    }
}
