package se.kompetensportal.activities.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.shared.web.PlainText;

/** Everything about one activity that its pages show (the public page shows less than the secretary's). */
public record ActivityDetails(
        long id, long projectId, String projectName, String projectShortName, long trackId, String trackName,
        ActivityKind kind, String title, String description, ActivityLevel level, String language,
        String venueName, String venueAddress, String venueCity, boolean stepFreeAccess, boolean hearingLoop,
        String accessibilityNotes, int seats, int seatsTaken, int targetParticipants,
        Instant registrationOpens, Instant registrationCloses, Instant cancellationDeadline,
        ActivityStatus status, String cancelReason, Instant firstStart, Instant lastEnd, BigDecimal totalHours,
        List<TargetGroupInfo> targetGroups, List<SessionInfo> sessions, List<TrainerView> trainers,
        GenderBalance trainerBalance, RegistrationState registration, String path, long version) {

    public int seatsLeft() {
        return Math.max(0, seats - seatsTaken);
    }

    public boolean isEditable() {
        return status == ActivityStatus.DRAFT || status == ActivityStatus.PUBLISHED;
    }

    public boolean hasVenue() {
        return venueName != null || venueAddress != null || venueCity != null;
    }

    /** The description as safe HTML paragraphs and lists (see {@link PlainText}). */
    public String descriptionHtml() {
        return PlainText.toHtml(description);
    }

    /** The venue as one line ("name, address, town"), or {@code null}. */
    public String venueLine() {
        return Activity.venueLine(venueName, venueAddress, venueCity);
    }

    public boolean isOnline() {
        return sessions.stream().anyMatch(s -> s.onlineUrl() != null);
    }

    /** A short plain-text summary for search engines (meta description): the start of the description. */
    public String summary(int maxLength) {
        String text = description == null ? title : description.replaceAll("(?m)^- ", "").replaceAll("\\s+", " ").strip();
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxLength - 2);
        return text.substring(0, cut > 0 ? cut : maxLength - 2).strip() + " …";
    }
}
