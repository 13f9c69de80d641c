package se.kompetensportal.activities.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import se.kompetensportal.activities.ActivityKind;

/**
 * The activity form. When an activity is created it also carries its first session ({@code session*} fields, required
 * in the {@link Creation} group); more sessions are added on the activity's page. Times are Swedish local times.
 */
@ActivitySchedule
public record ActivityForm(
        @NotNull Long projectId,
        @NotNull Long trackId,
        @NotNull ActivityKind kind,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10000) String description,
        @NotNull ActivityLevel level,
        @NotEmpty List<Long> targetGroupIds,
        @NotBlank @Pattern(regexp = "^[a-z]{2,3}$") String language,
        @Size(max = 200) String venueName,
        @Size(max = 300) String venueAddress,
        @Size(max = 100) String venueCity,
        Boolean stepFreeAccess,
        Boolean hearingLoop,
        @Size(max = 1000) String accessibilityNotes,
        @NotNull @Min(1) @Max(10000) Integer seats,
        @NotNull @Min(1) @Max(100000) Integer targetParticipants,
        LocalDateTime registrationOpens,
        @NotNull LocalDateTime registrationCloses,
        @NotNull LocalDateTime cancellationDeadline,
        @NotNull(groups = Creation.class) LocalDate sessionDate,
        @NotNull(groups = Creation.class) LocalTime sessionStart,
        @NotNull(groups = Creation.class) LocalTime sessionEnd,
        @Size(max = 200) String sessionPlace,
        @URL @Size(max = 500) String sessionOnlineUrl,
        Long version) {

    /** Validation group of the fields required only when an activity is created. */
    public interface Creation {
    }

    /** Languages offered in the form (ISO 639 codes); any two- or three-letter code is accepted. */
    public static final List<String> LANGUAGES = List.of("sv", "en", "ar", "fa", "so", "ti", "uk");

    public static ActivityForm empty(long projectId) {
        return new ActivityForm(projectId, null, null, null, null, ActivityLevel.OPEN, new ArrayList<>(), "sv", null,
                null, null, false, false, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static ActivityForm of(Activity a) {
        return new ActivityForm(a.getProjectId(), a.getTrackId(), a.getKind(), a.getTitle(), a.getDescription(),
                a.getLevel(), new ArrayList<>(a.getTargetGroupIds()), a.getLanguage(), a.getVenueName(),
                a.getVenueAddress(), a.getVenueCity(), a.isStepFreeAccess(), a.isHearingLoop(),
                a.getAccessibilityNotes(), a.getSeats(), a.getTargetParticipants(),
                Times.local(a.getRegistrationOpens()), Times.local(a.getRegistrationCloses()),
                Times.local(a.getCancellationDeadline()), null, null, null, null, null, a.getVersion());
    }

    /** Start of the first session given in the form (creation only), or {@code null}. */
    LocalDateTime sessionStartsAt() {
        return sessionDate == null || sessionStart == null ? null : sessionDate.atTime(sessionStart);
    }

    void applyTo(Activity a) {
        a.setTrackId(trackId);
        a.setKind(kind);
        a.setTitle(title.strip());
        a.setDescription(blankToNull(description));
        a.setLevel(level);
        a.setLanguage(language.strip());
        a.setVenueName(blankToNull(venueName));
        a.setVenueAddress(blankToNull(venueAddress));
        a.setVenueCity(blankToNull(venueCity));
        a.setStepFreeAccess(Boolean.TRUE.equals(stepFreeAccess));
        a.setHearingLoop(Boolean.TRUE.equals(hearingLoop));
        a.setAccessibilityNotes(blankToNull(accessibilityNotes));
        a.setSeats(seats);
        a.setTargetParticipants(targetParticipants);
        a.setRegistrationOpens(Times.instant(registrationOpens));
        a.setRegistrationCloses(Times.instant(registrationCloses));
        a.setCancellationDeadline(Times.instant(cancellationDeadline));
        a.getTargetGroupIds().clear();
        a.getTargetGroupIds().addAll(targetGroupIds);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
