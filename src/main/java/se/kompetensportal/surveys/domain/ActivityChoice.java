package se.kompetensportal.surveys.domain;

import java.time.Instant;

import se.kompetensportal.activities.ActivityStatus;

/** An activity to choose: the subject of a follow-up, or whose attendees become a survey's recipients. */
public record ActivityChoice(long id, String title, Instant start, ActivityStatus status) {
}
