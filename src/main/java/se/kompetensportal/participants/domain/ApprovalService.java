package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.SignUpConfirmed;

/**
 * A manager's answer by the single-use link, and the release of a held seat nobody answered for. Approving confirms a
 * held seat (or lets the person keep waiting, now approved); declining or no answer in time cancels the sign-up and
 * passes its seat on through {@link SignUpService#cancelQuietly}, which gives it to the next person waiting. Each runs
 * under the activity's seat lock, so a link is answered once: a second answer gets 409.
 */
@Service
public class ApprovalService {

    /** What the link page shows. */
    public record ApprovalPage(String token, ActivityInfo activity, String participant, Instant expiresAt) {
    }

    private final ApprovalStore approvals;
    private final SignUpService seats;
    private final SignUpRepository signUps;
    private final PersonRepository people;
    private final ActivitiesApi activities;
    private final ParticipantMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalService(ApprovalStore approvals, SignUpService seats, SignUpRepository signUps, PersonRepository people,
            ActivitiesApi activities, ParticipantMails mails, ApplicationEventPublisher events, Clock clock) {
        this.approvals = approvals;
        this.seats = seats;
        this.signUps = signUps;
        this.people = people;
        this.activities = activities;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The page of an open approval: 404 unknown, 410 run out or no longer needed, 409 answered. */
    @Transactional(readOnly = true)
    public ApprovalPage page(String token) {
        ApprovalStore.Approval approval = usable(approvals.byToken(token)
                .orElseThrow(() -> new LinkProblem(404, "approvalUnknown")));
        SignUp signUp = signUps.findById(approval.signUpId()).orElseThrow();
        String name = people.findById(signUp.getPersonId()).map(Person::fullName).orElse("");
        return new ApprovalPage(token, seats.activity(approval.activityId()), name, approval.expiresAt());
    }

    @Transactional
    public void approve(String token) {
        ApprovalStore.Approval approval = locked(token);
        SignUp signUp = signUps.findById(approval.signUpId()).orElseThrow();
        ActivityInfo activity = seats.activity(approval.activityId());
        Instant now = clock.instant();
        approvals.close(signUp.getId(), "APPROVED", now);
        if (signUp.getStatus() == SignUpStatus.PENDING) {
            signUp.confirm(now);
            signUps.flush();
            events.publishEvent(new SignUpConfirmed(signUp.getId(), activity.id(), signUp.getProjectId(),
                    signUp.getPersonId()));
            mails.confirmed(signUp, people.findById(signUp.getPersonId()).orElseThrow(), activity,
                    mails.schedule(activity.id()));
        } else {
            mails.approvalEnded(signUp, activity, "APPROVED");
        }
    }

    @Transactional
    public void decline(String token) {
        ApprovalStore.Approval approval = locked(token);
        end(approval, "DECLINED");
    }

    /** Open approvals whose time has run out. */
    @Transactional(readOnly = true)
    public List<Long> due() {
        return approvals.due(clock.instant());
    }

    /** Releases the seat of one approval nobody answered in time (if it is still open and due). */
    @Transactional
    public boolean expire(long approvalId) {
        ApprovalStore.Approval found = approvals.byId(approvalId).orElse(null);
        if (found == null) {
            return false;
        }
        activities.lockSeats(found.activityId());
        ApprovalStore.Approval approval = approvals.byId(approvalId).orElseThrow();
        if (!approval.open() || approval.expiresAt().isAfter(clock.instant())) {
            return false;
        }
        end(approval, "EXPIRED");
        return true;
    }

    private void end(ApprovalStore.Approval approval, String status) {
        approvals.close(approval.signUpId(), status, clock.instant());
        SignUp signUp = signUps.findById(approval.signUpId()).orElseThrow();
        if (signUp.getStatus() != SignUpStatus.CANCELLED) {
            seats.cancelQuietly(signUp.getId());
            mails.approvalEnded(signUp, seats.activity(approval.activityId()), status);
        }
    }

    private ApprovalStore.Approval locked(String token) {
        ApprovalStore.Approval found = approvals.byToken(token)
                .orElseThrow(() -> new LinkProblem(404, "approvalUnknown"));
        activities.lockSeats(found.activityId());
        return usable(approvals.byToken(token).orElseThrow());
    }

    private ApprovalStore.Approval usable(ApprovalStore.Approval approval) {
        if ("APPROVED".equals(approval.status()) || "DECLINED".equals(approval.status())) {
            throw new LinkProblem(409, "approvalAnswered");
        }
        if (!approval.open() || !approval.expiresAt().isAfter(clock.instant())) {
            throw new LinkProblem(410, "approvalExpired");
        }
        return approval;
    }
}
