package se.kompetensportal.activities;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.domain.ActivityRepository;

/**
 * For bulk loads that write sign-ups without reserving seats one by one (the participants' demo data): the activity
 * owns its count of seats taken, so the loader hands it the counts it wrote instead of updating the activity table.
 */
@Service
public class ActivityDataLoads {

    private final ActivityRepository activities;

    ActivityDataLoads(ActivityRepository activities) {
        this.activities = activities;
    }

    /** Sets each activity's seats taken to the given count (the confirmed sign-ups the caller wrote). */
    @Transactional
    public void setSeatsTaken(Map<Long, Integer> takenByActivity) {
        takenByActivity.forEach(activities::setSeatsTakenForDemo);
    }
}
