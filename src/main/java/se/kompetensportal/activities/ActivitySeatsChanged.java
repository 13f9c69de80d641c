package se.kompetensportal.activities;

/** An activity's number of seats was changed; seats that became free can go to the waiting list. */
public record ActivitySeatsChanged(long activityId, int seats) {
}
