package se.kompetensportal.participants.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person's sign-up for an activity: a seat (confirmed), a place in the queue (waiting), or cancelled. */
@Entity
@Table(name = "sign_up")
public class SignUp {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_up_seq")
    @SequenceGenerator(name = "sign_up_seq", sequenceName = "sign_up_seq", allocationSize = 50)
    private Long id;

    private long activityId;
    private long projectId;
    private long personId;

    @Enumerated(EnumType.STRING)
    private SignUpStatus status;

    private Long waitingSince;
    private Long targetGroupId;
    private String specialNeeds;
    private String manageToken = newToken();
    /** Shown to the trainer as a QR code or typed: twelve hexadecimal digits (see {@link CheckInCodes}). */
    private String checkInCode = CheckInCodes.newCode();
    private Instant createdAt = Instant.now();
    private Instant confirmedAt;
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    private CancelledBy cancelledBy;

    @Version
    private long version;

    public String getCheckInCode() {
        return checkInCode;
    }

    protected SignUp() {
    }

    SignUp(long activityId, long projectId, long personId, Long targetGroupId, String specialNeeds) {
        this.activityId = activityId;
        this.projectId = projectId;
        this.personId = personId;
        this.targetGroupId = targetGroupId;
        this.specialNeeds = specialNeeds;
    }

    void confirm(Instant at) {
        status = SignUpStatus.CONFIRMED;
        waitingSince = null;
        confirmedAt = at;
        cancelledAt = null;
        cancelledBy = null;
    }

    /** Holds a seat until the participant's manager approves (or the time runs out). */
    void holdForApproval() {
        status = SignUpStatus.PENDING;
        waitingSince = null;
        cancelledAt = null;
        cancelledBy = null;
    }

    void waitInLine(long queueNumber) {
        status = SignUpStatus.WAITING;
        waitingSince = queueNumber;
        cancelledAt = null;
        cancelledBy = null;
    }

    void cancel(CancelledBy by, Instant at) {
        status = SignUpStatus.CANCELLED;
        waitingSince = null;
        cancelledBy = by;
        cancelledAt = at;
    }

    void moveTo(long personId) {
        this.personId = personId;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Long getId() { return id; }
    public long getActivityId() { return activityId; }
    public long getProjectId() { return projectId; }
    public long getPersonId() { return personId; }
    public SignUpStatus getStatus() { return status; }
    public Long getWaitingSince() { return waitingSince; }
    public Long getTargetGroupId() { return targetGroupId; }
    public void setTargetGroupId(Long targetGroupId) { this.targetGroupId = targetGroupId; }
    public String getSpecialNeeds() { return specialNeeds; }
    public void setSpecialNeeds(String specialNeeds) { this.specialNeeds = specialNeeds; }
    public String getManageToken() { return manageToken; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public CancelledBy getCancelledBy() { return cancelledBy; }
    public long getVersion() { return version; }
}
