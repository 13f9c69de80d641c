package se.kompetensportal.activities.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.NotFoundException;

/** An activity's trainers: added, changed, linked to the account they record attendance with, removed. */
@Service
public class ActivityTrainers {

    private final ManagedActivities managed;
    private final ActivityViews views;
    private final AccountsApi accounts;

    ActivityTrainers(ManagedActivities managed, ActivityViews views, AccountsApi accounts) {
        this.managed = managed;
        this.views = views;
        this.accounts = accounts;
    }

    @Transactional
    public void addTrainer(PortalUser user, long activityId, TrainerForm form) {
        Activity activity = managed.find(user, activityId);
        ManagedActivities.requireEditable(activity);
        ActivityTrainer trainer = activity.addTrainer(form.name().strip(), ActivityForm.blankToNull(form.organisation()),
                form.external(), form.gender());
        trainer.linkAccount(trainerAccount(form.accountEmail(), form.name().strip()));
    }

    /**
     * Links a trainer to the user account of the e-mail address (created without a password if there is none, given
     * the trainer role), so they record the activity's attendance on {@code /trainer}; a blank address unlinks.
     */
    @Transactional
    public void linkTrainerAccount(PortalUser user, long activityId, long trainerId, String email) {
        Activity activity = managed.find(user, activityId);
        ManagedActivities.requireEditable(activity);
        ActivityTrainer trainer = activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
        trainer.linkAccount(trainerAccount(email, trainer.getName()));
    }

    @Transactional(readOnly = true)
    public TrainerView trainer(PortalUser user, long activityId, long trainerId) {
        Activity activity = managed.find(user, activityId);
        return views.details(activity).trainers().stream().filter(t -> t.id() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
    }

    private Long trainerAccount(String email, String name) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return accounts.ensureAccount(email.strip(), name, Role.TRAINER);
    }

    /** The form of an existing trainer, to edit. */
    @Transactional(readOnly = true)
    public TrainerForm trainerForm(PortalUser user, long activityId, long trainerId) {
        ActivityTrainer t = trainerOf(managed.find(user, activityId), trainerId);
        TrainerView view = trainer(user, activityId, trainerId);
        return new TrainerForm(t.getName(), t.getOrganisation(), t.isExternal(), t.getGender(), view.accountEmail());
    }

    /** Changes a trainer's name, organisation, kind and gender, and the account they record attendance with. */
    @Transactional
    public void updateTrainer(PortalUser user, long activityId, long trainerId, TrainerForm form) {
        Activity activity = managed.find(user, activityId);
        ManagedActivities.requireEditable(activity);
        ActivityTrainer trainer = trainerOf(activity, trainerId);
        trainer.change(form.name().strip(), ActivityForm.blankToNull(form.organisation()), form.external(),
                form.gender());
        trainer.linkAccount(trainerAccount(form.accountEmail(), form.name().strip()));
    }

    private static ActivityTrainer trainerOf(Activity activity, long trainerId) {
        return activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
    }

    @Transactional
    public void removeTrainer(PortalUser user, long activityId, long trainerId) {
        Activity activity = managed.find(user, activityId);
        ManagedActivities.requireEditable(activity);
        ActivityTrainer trainer = activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
        activity.removeTrainer(trainer);
    }
}
