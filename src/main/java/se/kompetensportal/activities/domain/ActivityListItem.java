package se.kompetensportal.activities.domain;

import java.time.Instant;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;

/** A row of the secretary's activity list. */
public record ActivityListItem(long id, long projectId, String projectShortName, String trackName, String title,
        ActivityKind kind, ActivityStatus status, Instant firstStart, Instant lastEnd, int sessionCount, int seats,
        int seatsTaken, int targetParticipants) {
}
