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

    /** The session's place as listed: the venue's town, or its name when no town is given. */
    public String placeLabel() {
        return venueCity != null ? venueCity : venueName;
    }
}
