package se.kompetensportal.activities.domain;

/** A trainer as pages show them. */
public record TrainerView(long id, String name, String organisation, boolean external, TrainerGender gender,
        Long userId) {

    static TrainerView of(ActivityTrainer t) {
        return new TrainerView(t.getId(), t.getName(), t.getOrganisation(), t.isExternal(), t.getGender(), t.getUserId());
    }

    public boolean linked() {
        return userId != null;
    }
}
