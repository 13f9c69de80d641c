package se.kompetensportal.activities.domain;

import java.time.LocalDate;

/**
 * The secretary's page of an activity: its details, whether its dates fall outside the project's period (allowed, and
 * pointed out), and the trainer gender balance of its track and project.
 */
public record SecretaryActivityView(ActivityDetails activity, LocalDate projectStart, LocalDate projectEnd,
        boolean outsideProjectPeriod, GenderBalance trackBalance, GenderBalance projectBalance, boolean deletable) {
}
