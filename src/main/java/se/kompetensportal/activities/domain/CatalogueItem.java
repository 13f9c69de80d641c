package se.kompetensportal.activities.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;

/** An activity as the public catalogue lists it. */
public record CatalogueItem(long id, String title, ActivityKind kind, ActivityLevel level, ActivityStatus status,
        String projectShortName, String trackName, Instant firstStart, Instant lastEnd, int sessionCount,
        BigDecimal totalHours, String venueName, String venueCity, int seatsLeft, RegistrationState registration,
        List<String> targetGroups, String path) {

    /** The same item listing these target groups. */
    CatalogueItem withTargetGroups(List<String> names) {
        return new CatalogueItem(id, title, kind, level, status, projectShortName, trackName, firstStart, lastEnd,
                sessionCount, totalHours, venueName, venueCity, seatsLeft, registration, names, path);
    }

    /** The session's place as listed: the venue's town, or its name when no town is given. */
    public String placeLabel() {
        return venueCity != null ? venueCity : venueName;
    }

    /** The project's short name and the track, as the item's subtitle shows them. */
    public String projectAndTrack() {
        return projectShortName + ", " + trackName;
    }

    /** The target groups' names, one line. */
    public String targetGroupList() {
        return String.join("; ", targetGroups);
    }

    /** Whether one can sign up now. */
    public boolean open() {
        return registration == RegistrationState.OPEN;
    }

    /** Whether the seats left are worth telling: one can sign up now or soon. */
    public boolean seatsShown() {
        return registration == RegistrationState.OPEN || registration == RegistrationState.NOT_YET_OPEN;
    }
}
