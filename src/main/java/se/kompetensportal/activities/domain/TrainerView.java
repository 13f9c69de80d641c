package se.kompetensportal.activities.domain;

/** A trainer as pages show them, with the user account they record attendance with (if linked). */
public record TrainerView(long id, String name, String organisation, boolean external, TrainerGender gender,
        Long userId, String accountEmail) {

    static TrainerView of(ActivityTrainer t, String accountEmail) {
        return new TrainerView(t.getId(), t.getName(), t.getOrganisation(), t.isExternal(), t.getGender(), t.getUserId(),
                accountEmail);
    }

    public boolean linked() {
        return userId != null;
    }
}
