package se.kompetensportal.activities.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A trainer (utbildare, föreläsare) of an activity; their gender feeds the 40/60 balance the plan asks for. A trainer
 * linked to a user account records attendance at the activity's sessions.
 */
@Entity
@Table(name = "activity_trainer")
public class ActivityTrainer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_trainer_seq")
    @SequenceGenerator(name = "activity_trainer_seq", sequenceName = "activity_trainer_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private Activity activity;

    private String name;
    private String organisation;
    private boolean external;

    @Enumerated(EnumType.STRING)
    private TrainerGender gender;

    /** The trainer's user account, through which they record attendance at the activity's sessions; may be unset. */
    private Long userId;

    protected ActivityTrainer() {
    }

    ActivityTrainer(Activity activity, String name, String organisation, boolean external, TrainerGender gender) {
        this.activity = activity;
        this.name = name;
        this.organisation = organisation;
        this.external = external;
        this.gender = gender;
    }

    void change(String name, String organisation, boolean external, TrainerGender gender) {
        this.name = name;
        this.organisation = organisation;
        this.external = external;
        this.gender = gender;
    }

    public Long getId() { return id; }
    public Activity getActivity() { return activity; }
    public String getName() { return name; }
    public String getOrganisation() { return organisation; }
    public boolean isExternal() { return external; }
    public TrainerGender getGender() { return gender; }
    public Long getUserId() { return userId; }

    public void linkAccount(Long userId) {
        this.userId = userId;
    }
}
