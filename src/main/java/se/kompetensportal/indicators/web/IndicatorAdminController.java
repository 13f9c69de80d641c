package se.kompetensportal.indicators.web;

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
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.indicators.domain.Comparison;
import se.kompetensportal.indicators.domain.Indicator;
import se.kompetensportal.indicators.domain.IndicatorForm;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorPeriod;
import se.kompetensportal.indicators.domain.IndicatorService;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The secretary's indicator definitions of a project, and the values of manual indicators. */
@Controller
@RequestMapping("/admin/indicators")
class IndicatorAdminController {

    private static final String FORM = "indicators/indicator-form";

    private final IndicatorService indicators;

    IndicatorAdminController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("comparisons", Comparison.values());
        model.addAttribute("periods", IndicatorPeriod.values());
        model.addAttribute("activityKinds", ActivityKind.values());
        model.addAttribute("genders", List.of("WOMAN", "MAN"));
    }

    @GetMapping
    String list(@RequestParam(required = false) Long projectId, Locale locale, Model model) {
        List<ProjectInfo> projects = indicators.manageableProjects(CurrentUser.require());
        model.addAttribute("projects", projects);
        Long chosen = projectId != null ? projectId : projects.isEmpty() ? null : projects.getFirst().id();
        if (chosen != null) {
            addProject(model, chosen);
            model.addAttribute("definitions", indicators.definitions(CurrentUser.require(), chosen, locale));
        }
        return "indicators/indicator-list";
    }

    @GetMapping("/new")
    String initCreationForm(@RequestParam long projectId, Model model) {
        addProject(model, projectId);
        model.addAttribute("indicatorForm", IndicatorForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@RequestParam long projectId, @Valid @ModelAttribute IndicatorForm indicatorForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        addProject(model, projectId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            indicators.create(CurrentUser.require(), projectId, indicatorForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "indicator.created");
        return "redirect:/admin/indicators?projectId=" + projectId;
    }

    @GetMapping("/{indicatorId}")
    String initUpdateForm(@PathVariable long indicatorId, Model model) {
        Indicator i = indicators.indicator(CurrentUser.require(), indicatorId);
        addProject(model, i.getProjectId());
        model.addAttribute("indicatorId", indicatorId);
        model.addAttribute("indicatorForm", IndicatorForm.of(i));
        addValues(i, model);
        return FORM;
    }

    @PostMapping("/{indicatorId}")
    String processUpdateForm(@PathVariable long indicatorId, @Valid @ModelAttribute IndicatorForm indicatorForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Indicator i = indicators.indicator(CurrentUser.require(), indicatorId);
        addProject(model, i.getProjectId());
        model.addAttribute("indicatorId", indicatorId);
        addValues(i, model);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            indicators.update(CurrentUser.require(), indicatorId, indicatorForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "indicator.saved");
        return "redirect:/admin/indicators?projectId=" + i.getProjectId();
    }

    /** Shows the indicator's result on the public project page, or stops showing it. */
    @PostMapping("/{indicatorId}/published")
    String publish(@PathVariable long indicatorId, @RequestParam boolean published, RedirectAttributes redirect) {
        long projectId = indicators.publish(CurrentUser.require(), indicatorId, published);
        redirect.addFlashAttribute("flash", published ? "indicator.publish.started" : "indicator.publish.stopped");
        return "redirect:/admin/indicators?projectId=" + projectId;
    }

    @PostMapping("/{indicatorId}/delete")
    String delete(@PathVariable long indicatorId, RedirectAttributes redirect) {
        long projectId = indicators.delete(CurrentUser.require(), indicatorId);
        redirect.addFlashAttribute("flash", "indicator.deleted");
        return "redirect:/admin/indicators?projectId=" + projectId;
    }

    @PostMapping("/{indicatorId}/values")
    String addValue(@PathVariable long indicatorId,
            @Valid @ModelAttribute IndicatorService.ManualValueForm manualValueForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Indicator i = indicators.indicator(CurrentUser.require(), indicatorId);
        if (!result.hasErrors()) {
            try {
                indicators.addValue(CurrentUser.require(), indicatorId, manualValueForm);
                redirect.addFlashAttribute("flash", "indicator.value.added");
                return "redirect:/admin/indicators/" + indicatorId;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        addProject(model, i.getProjectId());
        model.addAttribute("indicatorId", indicatorId);
        model.addAttribute("indicatorForm", IndicatorForm.of(i));
        model.addAttribute("manualKind", i.getKind() == IndicatorKind.MANUAL);
        model.addAttribute("values", indicators.values(CurrentUser.require(), indicatorId));
        return FORM;
    }

    @PostMapping("/{indicatorId}/values/{valueId}/delete")
    String deleteValue(@PathVariable long indicatorId, @PathVariable long valueId, RedirectAttributes redirect) {
        indicators.deleteValue(CurrentUser.require(), indicatorId, valueId);
        redirect.addFlashAttribute("flash", "indicator.value.deleted");
        return "redirect:/admin/indicators/" + indicatorId;
    }

    /** The project, and its tracks for the parameter of the follow-up kind. */
    private void addProject(Model model, long projectId) {
        model.addAttribute("project", indicators.project(CurrentUser.require(), projectId));
        model.addAttribute("tracks", indicators.tracks(CurrentUser.require(), projectId));
    }

    private void addValues(Indicator i, Model model) {
        model.addAttribute("manualKind", i.getKind() == IndicatorKind.MANUAL);
        if (i.getKind() == IndicatorKind.MANUAL) {
            model.addAttribute("values", indicators.values(CurrentUser.require(), i.getId()));
            model.addAttribute("manualValueForm", new IndicatorService.ManualValueForm(null, null, ""));
        }
    }
}
