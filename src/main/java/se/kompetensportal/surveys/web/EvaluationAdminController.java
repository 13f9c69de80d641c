package se.kompetensportal.surveys.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.surveys.domain.AnswerSheet;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.QuestionForm;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.TemplateService;

/** The secretary's evaluation pages: the project's evaluations, one evaluation, its questions, paper answers. */
@Controller
class EvaluationAdminController {

    record ClosingForm(@NotNull LocalDate closesOn, long version) {
    }

    /** Where a question's options may come from: written out, or the project's tracks or target groups. */
    static final List<String> QUESTION_SOURCES = List.of("", "TRACK", "TARGET_GROUP");

    private final EvaluationService evaluations;
    private final TemplateService templates;

    EvaluationAdminController(EvaluationService evaluations, TemplateService templates) {
        this.evaluations = evaluations;
        this.templates = templates;
    }

    @GetMapping("/admin/evaluations")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId, Model model) {
        List<ProjectInfo> projects = evaluations.projects(user, true);
        long project = chosen(projectId, projects);
        model.addAttribute("projects", projects);
        model.addAttribute("projectId", project);
        model.addAttribute("evaluations", evaluations.evaluations(user, project));
        model.addAttribute("candidates", evaluations.activitiesWithout(user, project));
        return "surveys/evaluations";
    }

    static long chosen(Long projectId, List<ProjectInfo> projects) {
        if (projectId != null) {
            return projectId;
        }
        return projects.stream().findFirst().map(ProjectInfo::id).orElseThrow(() -> new NotFoundException("Project", "any"));
    }

    @PostMapping("/admin/evaluations")
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam long activityId,
            RedirectAttributes redirect) {
        long id = evaluations.create(user, activityId);
        redirect.addFlashAttribute("flash", "evaluation.created");
        return "redirect:/admin/evaluations/" + id;
    }

    @GetMapping("/admin/evaluations/activity/{activityId}")
    String ofActivity(@AuthenticationPrincipal PortalUser user, @PathVariable long activityId) {
        return "redirect:" + evaluations.pageOfActivity(user, activityId);
    }

    @GetMapping("/admin/evaluations/{id}")
    String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
        String survey = evaluations.surveyPage(user, id);
        if (survey != null) {
            return "redirect:" + survey;
        }
        return page(user, id, model, QuestionForm.empty(), null);
    }

    private String page(PortalUser user, long id, Model model, QuestionForm form, ClosingForm closing) {
        EvaluationService.EvaluationView view = evaluations.evaluation(user, id);
        model.addAttribute("view", view);
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", form);
        }
        if (!model.containsAttribute("closingForm")) {
            model.addAttribute("closingForm", closing != null ? closing
                    : new ClosingForm(view.closesOn(), view.version()));
        }
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", QUESTION_SOURCES);
        return "surveys/evaluation";
    }

    @PostMapping("/admin/evaluations/{id}/questions")
    String addQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                templates.addToEvaluation(user, id, form);
                redirect.addFlashAttribute("flash", "question.added");
                return "redirect:/admin/evaluations/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("questionOpen", true);
        return page(user, id, model, form, null);
    }

    @PostMapping("/admin/evaluations/{id}/send")
    String send(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
        int sent = evaluations.send(user, id);
        redirect.addFlashAttribute("flash", "evaluation.sent");
        redirect.addFlashAttribute("flashArgs", sent);
        return "redirect:/admin/evaluations/" + id;
    }

    @PostMapping("/admin/evaluations/{id}/closing")
    String closing(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @Valid @ModelAttribute("closingForm") ClosingForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                evaluations.changeClosingDate(user, id, form.closesOn(), form.version());
                redirect.addFlashAttribute("flash", "evaluation.closingChanged");
                return "redirect:/admin/evaluations/" + id;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user, id, model, QuestionForm.empty(), form);
    }

    @GetMapping("/admin/evaluations/{id}/paper")
    String paper(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model,
            java.util.Locale locale) {
        EvaluationService.AnswerPage page = evaluations.paperForm(user, id, locale);
        model.addAttribute("page", page);
        model.addAttribute("state", FormState.empty(page.questions()));
        model.addAttribute("organisations", evaluations.organisations(user, id));
        return "surveys/paper";
    }

    @PostMapping("/admin/evaluations/{id}/paper")
    String recordPaper(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestParam(name = "organisationId", required = false) Long organisationId, Model model,
            HttpServletResponse response, RedirectAttributes redirect, java.util.Locale locale) {
        AnswerSheet.Result result = evaluations.recordPaper(user, id, parameters, organisationId);
        if (result.valid()) {
            redirect.addFlashAttribute("flash", "evaluation.paperRecorded");
            return "redirect:/admin/evaluations/" + id + "/paper";
        }
        EvaluationService.AnswerPage page = evaluations.paperForm(user, id, locale);
        model.addAttribute("page", page);
        model.addAttribute("state", FormState.of(page.questions(), result));
        model.addAttribute("organisations", evaluations.organisations(user, id));
        model.addAttribute("organisationId", organisationId);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "surveys/paper";
    }

    @GetMapping("/admin/evaluations/questions/{questionId}")
    String editQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long questionId, Model model) {
        TemplateService.QuestionEdit edit = templates.question(user, questionId);
        model.addAttribute("edit", edit);
        model.addAttribute("questionForm", edit.form());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", QUESTION_SOURCES);
        return "surveys/question-form";
    }

    @PostMapping("/admin/evaluations/questions/{questionId}")
    String updateQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long questionId,
            @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                String back = templates.updateQuestion(user, questionId, form);
                redirect.addFlashAttribute("flash", "question.saved");
                return "redirect:" + back;
            } catch (FieldRejectedException e) {
                e.rejectOn(errors);
            }
        }
        model.addAttribute("edit", templates.question(user, questionId));
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("sources", QUESTION_SOURCES);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "surveys/question-form";
    }

    @PostMapping("/admin/evaluations/questions/{questionId}/delete")
    String deleteQuestion(@AuthenticationPrincipal PortalUser user, @PathVariable long questionId,
            RedirectAttributes redirect) {
        String back = templates.deleteQuestion(user, questionId);
        redirect.addFlashAttribute("flash", "question.deleted");
        return "redirect:" + back;
    }
}
