package se.kompetensportal.activities.domain;

import java.time.Instant;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;

/** A row of the secretary's list as the database gives it (names of project and track are added from their ids). */
public record ActivityRow(long id, long projectId, long trackId, String title, ActivityKind kind, ActivityStatus status,
        Instant firstStart, Instant lastEnd, int sessionCount, int seats, int seatsTaken, int targetParticipants) {
}
