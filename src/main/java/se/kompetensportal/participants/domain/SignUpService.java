package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivitySnapshot;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.notifications.PreparedMail;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Taking and giving up a place: sign-ups and cancellations. Every change to an activity's seats or waiting list (a
 * sign-up, a cancellation, a move, a fill) first takes the activity's row lock, so such changes for one activity happen
 * one at a time, each seeing the ones before it committed. Hence a sign-up that finds the activity full and joins the
 * waiting list is told the position it has at commit (no two people are told the same), and a seat given up is passed
 * on at once ({@link WaitingList}). The activities module owns the seat count and decides whether a seat is free
 * ({@link ActivitiesApi#lockAndReserveSeat}: the lock and the seat in one call); the unique (activity, person)
 * constraint allows one sign-up per person. The activity is read once per sign-up ({@link ActivitySnapshot}) and passed
 * down; what can be done before the lock (the checks, and rendering the mail the sign-up will most likely get) is done
 * before it, so the lock is held only for the few statements that decide and record the outcome. Callers check who may
 * do what; this service keeps the counts right.
 */
@Service
public class SignUpService {

    private final SignUpRepository signUps;
    private final ActivitiesApi activities;
    private final ParticipantMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SeatOffers offers;
    private final ApprovalStore approvals;
    private final WaitingList waitingList;

    SignUpService(SignUpRepository signUps, ActivitiesApi activities, ParticipantMails mails,
            ApplicationEventPublisher events, Clock clock, SeatOffers offers, ApprovalStore approvals,
            WaitingList waitingList) {
        this.approvals = approvals;
        this.offers = offers;
        this.signUps = signUps;
        this.activities = activities;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
        this.waitingList = waitingList;
    }

    /**
     * Signs a person up. Participants may do so only inside the registration window; the secretary at any time while
     * the activity is published.
     */
    @Transactional
    public SignUpResult signUp(long activityId, Person person, Long targetGroupId, String specialNeeds,
            boolean bySecretary) {
        return signUp(snapshot(activityId), person, targetGroupId, specialNeeds, bySecretary, null);
    }

    /**
     * As {@link #signUp(long, Person, Long, String, boolean)}, for an activity the caller has just read; with
     * {@code managerEmail} and an activity that asks for approval, the manager is asked and a seat is only held
     * (PENDING) until they approve.
     */
    @Transactional
    public SignUpResult signUp(ActivitySnapshot snapshot, Person person, Long targetGroupId, String specialNeeds,
            boolean bySecretary, String managerEmail) {
        ActivityInfo activity = snapshot.info();
        long activityId = activity.id();
        Integer approvalDays = managerEmail == null ? null : approvals.approvalDays(activityId);
        Instant now = clock.instant();
        checkOpen(activity, bySecretary, now);
        SignUp signUp = signUps.findByActivityIdAndPersonId(activityId, person.getId()).orElse(null);
        if (signUp != null && signUp.getStatus() != SignUpStatus.CANCELLED) {
            throw new BusinessRuleException("signUp.already", activity.title());
        }
        if (signUp == null) {
            signUp = new SignUp(activityId, activity.projectId(), person.getId(), targetGroupId, specialNeeds);
        } else {
            signUp.setTargetGroupId(targetGroupId);
            signUp.setSpecialNeeds(specialNeeds);
        }
        // The mail the outcome most likely brings, rendered before the lock; the other one is rendered under it.
        boolean seatLikely = activity.seatsLeft() > 0;
        PreparedMail mail = approvalDays != null ? null : seatLikely ? mails.confirmation(signUp, person, snapshot)
                : mails.waitingNotice(signUp, person, snapshot);
        if (activities.lockAndReserveSeat(activityId)) {
            if (approvalDays != null) {
                signUp.holdForApproval();
            } else {
                signUp.confirm(now);
            }
        } else {
            signUp.waitInLine(waitingList.nextQueueNumber());
        }
        try {
            signUp = signUps.saveAndFlush(signUp);
        } catch (DataIntegrityViolationException e) {
            // Another request signed the same person up a moment ago.
            throw new BusinessRuleException("signUp.already", activity.title());
        }
        long position = 0;
        if (approvalDays != null) {
            ApprovalStore.Approval approval = approvals.request(signUp.getId(), activityId, managerEmail, now,
                    now.plus(java.time.Duration.ofDays(approvalDays)));
            mails.approvalRequest(signUp, person, activity, mails.schedule(snapshot), approval);
        }
        if (signUp.getStatus() == SignUpStatus.PENDING) {
            mails.approvalPending(signUp, person, activity, mails.schedule(snapshot), managerEmail);
        } else if (signUp.getStatus() == SignUpStatus.CONFIRMED) {
            events.publishEvent(new SignUpConfirmed(signUp.getId(), activityId, activity.projectId(), person.getId()));
            mails.send(mail != null && seatLikely ? mail : mails.confirmation(signUp, person, snapshot));
        } else {
            // Under the lock: everyone ahead has committed, and nobody joins or leaves before this commits.
            position = signUps.waitingPosition(activityId, signUp.getWaitingSince());
            mails.sendWaiting(mail != null && !seatLikely ? mail : mails.waitingNotice(signUp, person, snapshot),
                    position);
        }
        return new SignUpResult(signUp.getId(), signUp.getStatus(), position);
    }

    private static void checkOpen(ActivityInfo activity, boolean bySecretary, Instant now) {
        if (activity.status() != ActivityStatus.PUBLISHED) {
            throw new BusinessRuleException("signUp.notPublished", activity.title());
        }
        if (!bySecretary) {
            if (activity.registrationOpens() != null && now.isBefore(activity.registrationOpens())) {
                throw new BusinessRuleException("signUp.notYetOpen", activity.title());
            }
            if (!now.isBefore(activity.registrationCloses())) {
                throw new BusinessRuleException("signUp.closed", activity.title());
            }
        }
    }

    /** Cancels a sign-up; a seat it held goes to the first on the waiting list. */
    @Transactional
    public void cancel(long signUpId, CancelledBy by) {
        SignUp signUp = waitingList.lockedSignUp(signUpId);
        if (signUp.getStatus() == SignUpStatus.CANCELLED) {
            throw new BusinessRuleException("signUp.alreadyCancelled");
        }
        ActivityInfo activity = activity(signUp.getActivityId());
        boolean heldSeat = signUp.getStatus() == SignUpStatus.CONFIRMED;
        boolean heldOffer = offers.close(signUpId, "WITHDRAWN") | signUp.getStatus() == SignUpStatus.PENDING;
        approvals.close(signUpId, "WITHDRAWN", clock.instant());
        signUp.cancel(by, clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpCancelled(signUpId, signUp.getActivityId(), signUp.getProjectId(),
                signUp.getPersonId(), heldSeat));
        if (by != CancelledBy.ACTIVITY) {
            mails.cancelled(signUp, activity, by);
        }
        if ((heldSeat || heldOffer) && by != CancelledBy.ACTIVITY) {
            waitingList.passSeatOn(activity);
        }
    }

    /**
     * Cancels without telling the person (used when merging duplicates: the same person keeps another sign-up); a
     * seat it held still goes to the waiting list.
     */
    @Transactional
    public void cancelQuietly(long signUpId) {
        SignUp signUp = waitingList.lockedSignUp(signUpId);
        if (signUp.getStatus() == SignUpStatus.CANCELLED) {
            return;
        }
        ActivityInfo activity = activity(signUp.getActivityId());
        boolean heldSeat = signUp.getStatus() == SignUpStatus.CONFIRMED;
        boolean heldOffer = offers.close(signUpId, "WITHDRAWN") | signUp.getStatus() == SignUpStatus.PENDING;
        approvals.close(signUpId, "WITHDRAWN", clock.instant());
        signUp.cancel(CancelledBy.SECRETARY, clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpCancelled(signUpId, signUp.getActivityId(), signUp.getProjectId(),
                signUp.getPersonId(), heldSeat));
        if (heldSeat || heldOffer) {
            waitingList.passSeatOn(activity);
        }
    }

    /** The activity with its sessions, read once, to pass to {@link #signUp(ActivitySnapshot, Person, Long, String, boolean, String)}. */
    ActivitySnapshot snapshot(long activityId) {
        return activities.snapshot(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
    }

    ActivityInfo activity(long activityId) {
        return waitingList.activity(activityId);
    }
}
