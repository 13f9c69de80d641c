package se.kompetensportal.activities.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.activities.domain.ActivityService;
import se.kompetensportal.activities.domain.ActivityTrainers;
import se.kompetensportal.activities.domain.TrainerForm;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.shared.security.CurrentUser;

/** Add, change and remove the trainers of an activity, and link a trainer to the user account they record attendance with. */
@Controller
@RequestMapping("/admin/activities/{activityId:\\d+}/trainers")
class TrainerController {

    private static final String FORM = "activities/trainer-form";

    private final ActivityService activities;
    private final ActivityTrainers trainers;

    TrainerController(ActivityService activities, ActivityTrainers trainers) {
        this.activities = activities;
        this.trainers = trainers;
    }

    @ModelAttribute("activityTitle")
    String activityTitle(@PathVariable long activityId) {
        return activities.title(CurrentUser.require(), activityId);
    }

    @ModelAttribute("genders")
    TrainerGender[] genders() {
        return TrainerGender.values();
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("trainerForm", TrainerForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@PathVariable long activityId, @Valid @ModelAttribute TrainerForm trainerForm,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        trainers.addTrainer(CurrentUser.require(), activityId, trainerForm);
        redirect.addFlashAttribute("flash", "trainer.created");
        return "redirect:/admin/activities/" + activityId + "#trainers";
    }

    @GetMapping("/{trainerId:\\d+}/edit")
    String initUpdateForm(@PathVariable long activityId, @PathVariable long trainerId, Model model) {
        model.addAttribute("trainerForm", trainers.trainerForm(CurrentUser.require(), activityId, trainerId));
        model.addAttribute("trainerId", trainerId);
        return FORM;
    }

    @PostMapping("/{trainerId:\\d+}")
    String processUpdateForm(@PathVariable long activityId, @PathVariable long trainerId,
            @Valid @ModelAttribute TrainerForm trainerForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("trainerId", trainerId);
        if (result.hasErrors()) {
            return FORM;
        }
        trainers.updateTrainer(CurrentUser.require(), activityId, trainerId, trainerForm);
        redirect.addFlashAttribute("flash", "trainer.saved");
        return "redirect:/admin/activities/" + activityId + "#trainers";
    }

    /** The e-mail address of the trainer's user account, with which they record attendance. */
    record AccountForm(@jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 320) String email) {
    }

    @GetMapping("/{trainerId:\\d+}/account")
    String accountForm(@PathVariable long activityId, @PathVariable long trainerId, Model model) {
        var trainer = trainers.trainer(CurrentUser.require(), activityId, trainerId);
        model.addAttribute("trainer", trainer);
        model.addAttribute("accountForm", new AccountForm(trainer.accountEmail()));
        return "activities/trainer-account";
    }

    @PostMapping("/{trainerId:\\d+}/account")
    String linkAccount(@PathVariable long activityId, @PathVariable long trainerId,
            @Valid @ModelAttribute AccountForm accountForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("trainer", trainers.trainer(CurrentUser.require(), activityId, trainerId));
            return "activities/trainer-account";
        }
        trainers.linkTrainerAccount(CurrentUser.require(), activityId, trainerId, accountForm.email());
        redirect.addFlashAttribute("flash", accountForm.email() == null || accountForm.email().isBlank()
                ? "trainer.account.unlinked" : "trainer.account.linked");
        return "redirect:/admin/activities/" + activityId + "#trainers";
    }

    @PostMapping("/{trainerId:\\d+}/delete")
    String delete(@PathVariable long activityId, @PathVariable long trainerId, RedirectAttributes redirect) {
        trainers.removeTrainer(CurrentUser.require(), activityId, trainerId);
        redirect.addFlashAttribute("flash", "trainer.deleted");
        return "redirect:/admin/activities/" + activityId + "#trainers";
    }
}
