package se.kompetensportal.activities.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.shared.web.Formats;

/** One session (tillfälle) of an activity: a date, a start and an end, and where it is held. */
@Entity
@Table(name = "activity_session")
public class ActivitySession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_session_seq")
    @SequenceGenerator(name = "activity_session_seq", sequenceName = "activity_session_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "activity_id")
    private Activity activity;

    private Instant startsAt;
    private Instant endsAt;
    private String place;
    private String onlineUrl;

    protected ActivitySession() {
    }

    ActivitySession(Activity activity, Instant startsAt, Instant endsAt, String place, String onlineUrl) {
        this.activity = activity;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.onlineUrl = onlineUrl;
    }

    void change(Instant startsAt, Instant endsAt, String place, String onlineUrl) {
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.onlineUrl = onlineUrl;
    }

    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    public SessionInfo info() {
        ZonedDateTime start = startsAt.atZone(Formats.ZONE);
        ZonedDateTime end = endsAt.atZone(Formats.ZONE);
        return new SessionInfo(id, activity.getId(), start.toLocalDate(), start.toLocalTime(), end.toLocalTime(),
                hours(minutes()), place, onlineUrl);
    }

    public Long getId() { return id; }
    public Activity getActivity() { return activity; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getPlace() { return place; }
    public String getOnlineUrl() { return onlineUrl; }
}
