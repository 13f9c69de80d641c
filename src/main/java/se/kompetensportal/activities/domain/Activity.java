package se.kompetensportal.activities.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;

/**
 * An activity of a project in one of its tracks, with its sessions and trainers. Its first start, last end, number of
 * sessions and total minutes are kept on the row (see {@link #recomputeSchedule()}) so lists need no join.
 * {@code seatsTaken} is never written from here: seats are reserved and released by single conditional updates
 * ({@link ActivityRepository#tryReserveSeat(long)}), so an edit of the activity cannot overwrite a reservation made
 * meanwhile.
 */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_seq")
    @SequenceGenerator(name = "activity_seq", sequenceName = "activity_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private long trackId;

    @Enumerated(EnumType.STRING)
    private ActivityKind kind;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private ActivityLevel level;

    private String language;
    private String venueName;
    private String venueAddress;
    private String venueCity;
    private boolean stepFreeAccess;
    private boolean hearingLoop;
    private String accessibilityNotes;
    private int seats;

    @Column(insertable = false, updatable = false)
    private int seatsTaken;

    private int targetParticipants;
    private Instant registrationOpens;
    private Instant registrationCloses;
    private Instant cancellationDeadline;

    @Enumerated(EnumType.STRING)
    private ActivityStatus status = ActivityStatus.DRAFT;

    private String cancelReason;
    private Instant publishedAt;
    private Instant cancelledAt;
    private Instant completedAt;
    private Instant firstStart;
    private Instant lastEnd;
    private int sessionCount;
    private int totalMinutes;
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    @OneToMany(mappedBy = "activity", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startsAt, id")
    private List<ActivitySession> sessions = new ArrayList<>();

    @OneToMany(mappedBy = "activity", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name, id")
    private List<ActivityTrainer> trainers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "activity_target_group", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "target_group_id")
    private Set<Long> targetGroupIds = new LinkedHashSet<>();

    protected Activity() {
    }

    public Activity(long projectId, long trackId, ActivityKind kind, String title) {
        this.projectId = projectId;
        this.trackId = trackId;
        this.kind = kind;
        this.title = title;
    }

    public ActivitySession addSession(Instant startsAt, Instant endsAt, String place, String onlineUrl) {
        ActivitySession session = new ActivitySession(this, startsAt, endsAt, place, onlineUrl);
        sessions.add(session);
        sessions.sort(Comparator.comparing(ActivitySession::getStartsAt));
        recomputeSchedule();
        return session;
    }

    public void changeSession(ActivitySession session, Instant startsAt, Instant endsAt, String place, String onlineUrl) {
        session.change(startsAt, endsAt, place, onlineUrl);
        sessions.sort(Comparator.comparing(ActivitySession::getStartsAt));
        recomputeSchedule();
    }

    public void removeSession(ActivitySession session) {
        sessions.remove(session);
        recomputeSchedule();
    }

    public ActivityTrainer addTrainer(String name, String organisation, boolean external, TrainerGender gender) {
        ActivityTrainer trainer = new ActivityTrainer(this, name, organisation, external, gender);
        trainers.add(trainer);
        return trainer;
    }

    public void removeTrainer(ActivityTrainer trainer) {
        trainers.remove(trainer);
    }

    /** Brings first start, last end, number of sessions and total minutes in line with the sessions. */
    void recomputeSchedule() {
        firstStart = sessions.stream().map(ActivitySession::getStartsAt).min(Comparator.naturalOrder()).orElse(null);
        lastEnd = sessions.stream().map(ActivitySession::getEndsAt).max(Comparator.naturalOrder()).orElse(null);
        sessionCount = sessions.size();
        totalMinutes = (int) sessions.stream().mapToLong(ActivitySession::minutes).sum();
    }

    public boolean isEditable() {
        return status == ActivityStatus.DRAFT || status == ActivityStatus.PUBLISHED;
    }

    public void publish(Instant now) {
        status = ActivityStatus.PUBLISHED;
        publishedAt = now;
    }

    public void cancel(String reason, Instant now) {
        status = ActivityStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
    }

    public void complete(Instant now) {
        status = ActivityStatus.COMPLETED;
        completedAt = now;
    }

    public ActivityInfo info() {
        return new ActivityInfo(id, projectId, trackId, title, kind, status, seats, seatsTaken, registrationOpens,
                registrationCloses, cancellationDeadline, firstStart, lastEnd, ActivitySession.hours(totalMinutes),
                venueLine(venueName, venueAddress, venueCity), List.copyOf(targetGroupIds),
                ActivityPaths.publicPath(id, title));
    }

    /** The venue as one line, or {@code null} when the activity has none (online). */
    public static String venueLine(String name, String address, String city) {
        String line = String.join(", ", java.util.stream.Stream.of(name, address, city)
                .filter(s -> s != null && !s.isBlank()).toList());
        return line.isEmpty() ? null : line;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public long getTrackId() { return trackId; }
    public void setTrackId(long trackId) { this.trackId = trackId; }
    public ActivityKind getKind() { return kind; }
    public void setKind(ActivityKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ActivityLevel getLevel() { return level; }
    public void setLevel(ActivityLevel level) { this.level = level; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueAddress() { return venueAddress; }
    public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
    public String getVenueCity() { return venueCity; }
    public void setVenueCity(String venueCity) { this.venueCity = venueCity; }
    public boolean isStepFreeAccess() { return stepFreeAccess; }
    public void setStepFreeAccess(boolean stepFreeAccess) { this.stepFreeAccess = stepFreeAccess; }
    public boolean isHearingLoop() { return hearingLoop; }
    public void setHearingLoop(boolean hearingLoop) { this.hearingLoop = hearingLoop; }
    public String getAccessibilityNotes() { return accessibilityNotes; }
    public void setAccessibilityNotes(String accessibilityNotes) { this.accessibilityNotes = accessibilityNotes; }
    public int getSeats() { return seats; }
    public void setSeats(int seats) { this.seats = seats; }
    public int getSeatsTaken() { return seatsTaken; }
    public int getTargetParticipants() { return targetParticipants; }
    public void setTargetParticipants(int targetParticipants) { this.targetParticipants = targetParticipants; }
    public Instant getRegistrationOpens() { return registrationOpens; }
    public void setRegistrationOpens(Instant registrationOpens) { this.registrationOpens = registrationOpens; }
    public Instant getRegistrationCloses() { return registrationCloses; }
    public void setRegistrationCloses(Instant registrationCloses) { this.registrationCloses = registrationCloses; }
    public Instant getCancellationDeadline() { return cancellationDeadline; }
    public void setCancellationDeadline(Instant cancellationDeadline) { this.cancellationDeadline = cancellationDeadline; }
    public ActivityStatus getStatus() { return status; }
    public String getCancelReason() { return cancelReason; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getFirstStart() { return firstStart; }
    public Instant getLastEnd() { return lastEnd; }
    public int getSessionCount() { return sessionCount; }
    public int getTotalMinutes() { return totalMinutes; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
    public List<ActivitySession> getSessions() { return sessions; }
    public List<ActivityTrainer> getTrainers() { return trainers; }
    public Set<Long> getTargetGroupIds() { return targetGroupIds; }
}
