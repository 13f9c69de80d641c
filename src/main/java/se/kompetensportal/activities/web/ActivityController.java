package se.kompetensportal.activities.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.activities.domain.ActivityFilter;
import se.kompetensportal.activities.domain.ActivityForm;
import se.kompetensportal.activities.domain.ActivityLifecycle;
import se.kompetensportal.activities.domain.ActivityListService;
import se.kompetensportal.activities.domain.ActivityService;
import se.kompetensportal.activities.domain.CancelForm;
import se.kompetensportal.activities.domain.CopyForm;
import se.kompetensportal.activities.domain.SessionService;
import se.kompetensportal.activities.domain.TrainerBalanceReports;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The project staff's activity pages: list, create, show, edit, copy, publish, cancel, complete, delete. */
@Controller
@RequestMapping("/admin/activities")
class ActivityController {

    private static final String FORM = "activities/activity-form";
    private static final String COPY_FORM = "activities/copy-form";
    private static final String CANCEL_FORM = "activities/cancel-form";

    private final ActivityService activities;
    private final ActivityListService listing;
    private final ActivityLifecycle lifecycle;
    private final TrainerBalanceReports balances;
    private final SessionService sessions;

    ActivityController(ActivityService activities, ActivityListService listing, ActivityLifecycle lifecycle,
            TrainerBalanceReports balances, SessionService sessions) {
        this.activities = activities;
        this.listing = listing;
        this.lifecycle = lifecycle;
        this.balances = balances;
        this.sessions = sessions;
    }

    @GetMapping
    String list(@ModelAttribute("filter") ActivityFilter filter, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("list", listing.list(CurrentUser.require(), filter, page));
        return "activities/activity-list";
    }

    /** Without a project: the choice of project (or straight to the form when the user manages just one). */
    @GetMapping("/new")
    String initCreationForm(@RequestParam(required = false) Long projectId, Model model) {
        if (projectId == null) {
            List<ProjectInfo> projects = listing.manageableProjects(CurrentUser.require());
            if (projects.size() == 1) {
                return "redirect:/admin/activities/new?projectId=" + projects.getFirst().id();
            }
            model.addAttribute("projects", projects);
            return "activities/choose-project";
        }
        model.addAttribute("options", activities.formOptions(CurrentUser.require(), projectId));
        model.addAttribute("activityForm", ActivityForm.empty(projectId));
        return FORM;
    }

    @PostMapping
    String processCreationForm(
            @Validated({Default.class, ActivityForm.Creation.class}) @ModelAttribute ActivityForm activityForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (activityForm.projectId() == null) {
            return "redirect:/admin/activities/new";
        }
        model.addAttribute("options", activities.formOptions(CurrentUser.require(), activityForm.projectId()));
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            long id = activities.create(CurrentUser.require(), activityForm);
            redirect.addFlashAttribute("flash", "activity.created");
            return "redirect:/admin/activities/" + id;
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
    }

    @GetMapping("/{activityId:\\d+}")
    String show(@PathVariable long activityId, Model model) {
        model.addAttribute("view", activities.details(CurrentUser.require(), activityId));
        return "activities/activity-detail";
    }

    @GetMapping("/{activityId:\\d+}/edit")
    String initUpdateForm(@PathVariable long activityId, Model model) {
        ActivityForm form = activities.editForm(CurrentUser.require(), activityId);
        model.addAttribute("activityForm", form);
        model.addAttribute("options", activities.formOptions(CurrentUser.require(), form.projectId()));
        model.addAttribute("activityId", activityId);
        model.addAttribute("announceContext", sessions.context(CurrentUser.require(), activityId));
        model.addAttribute("announce", true);
        return FORM;
    }

    @PostMapping("/{activityId:\\d+}")
    String processUpdateForm(@PathVariable long activityId, @Valid @ModelAttribute ActivityForm activityForm,
            BindingResult result, @RequestParam(defaultValue = "false") boolean announce, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("activityId", activityId);
        model.addAttribute("announceContext", sessions.context(CurrentUser.require(), activityId));
        model.addAttribute("announce", announce);
        model.addAttribute("options", activities.formOptionsForActivity(CurrentUser.require(), activityId));
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            activities.update(CurrentUser.require(), activityId, activityForm, announce);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "activity.saved");
        return "redirect:/admin/activities/" + activityId;
    }

    @GetMapping("/{activityId:\\d+}/copy")
    String initCopyForm(@PathVariable long activityId, Model model) {
        model.addAttribute("copyForm", activities.copyForm(CurrentUser.require(), activityId));
        model.addAttribute("activityTitle", activities.title(CurrentUser.require(), activityId));
        return COPY_FORM;
    }

    @PostMapping("/{activityId:\\d+}/copy")
    String processCopyForm(@PathVariable long activityId, @Valid @ModelAttribute CopyForm copyForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("activityTitle", activities.title(CurrentUser.require(), activityId));
        if (result.hasErrors()) {
            return COPY_FORM;
        }
        long copy = activities.copy(CurrentUser.require(), activityId, copyForm);
        redirect.addFlashAttribute("flash", "activity.copied");
        return "redirect:/admin/activities/" + copy;
    }

    @PostMapping("/{activityId:\\d+}/publish")
    String publish(@PathVariable long activityId, RedirectAttributes redirect) {
        lifecycle.publish(CurrentUser.require(), activityId);
        redirect.addFlashAttribute("flash", "activity.published");
        return "redirect:/admin/activities/" + activityId;
    }

    @PostMapping("/{activityId:\\d+}/complete")
    String complete(@PathVariable long activityId, RedirectAttributes redirect) {
        lifecycle.complete(CurrentUser.require(), activityId);
        redirect.addFlashAttribute("flash", "activity.completed");
        return "redirect:/admin/activities/" + activityId;
    }

    @GetMapping("/{activityId:\\d+}/cancel")
    String initCancelForm(@PathVariable long activityId, Model model) {
        model.addAttribute("cancelForm", CancelForm.empty());
        model.addAttribute("activityTitle", activities.title(CurrentUser.require(), activityId));
        return CANCEL_FORM;
    }

    @PostMapping("/{activityId:\\d+}/cancel")
    String processCancelForm(@PathVariable long activityId, @Valid @ModelAttribute CancelForm cancelForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("activityTitle", activities.title(CurrentUser.require(), activityId));
        if (result.hasErrors()) {
            return CANCEL_FORM;
        }
        lifecycle.cancel(CurrentUser.require(), activityId, cancelForm);
        redirect.addFlashAttribute("flash", "activity.cancelled");
        return "redirect:/admin/activities/" + activityId;
    }

    @PostMapping("/{activityId:\\d+}/delete")
    String delete(@PathVariable long activityId, RedirectAttributes redirect) {
        long projectId = lifecycle.delete(CurrentUser.require(), activityId);
        redirect.addFlashAttribute("flash", "activity.deleted");
        return "redirect:/admin/activities?projectId=" + projectId;
    }

    /** The trainers' gender balance of a project (the first one the user manages, unless one is chosen). */
    @GetMapping("/balance")
    String balance(@RequestParam(required = false) Long projectId, Model model) {
        List<ProjectInfo> projects = listing.manageableProjects(CurrentUser.require());
        model.addAttribute("projects", projects);
        Long chosen = projectId != null ? projectId : projects.isEmpty() ? null : projects.getFirst().id();
        if (chosen != null) {
            model.addAttribute("report", balances.balance(CurrentUser.require(), chosen));
        }
        return "activities/balance";
    }
}
