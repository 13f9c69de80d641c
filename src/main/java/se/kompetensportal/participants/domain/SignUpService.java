package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Seats and waiting lists. Every change to an activity's seats or waiting list (a sign-up, a cancellation, a move, a
 * fill) first takes the activity's row lock ({@link ActivitiesApi#lockSeats}), so such changes for one activity happen
 * one at a time, each seeing the ones before it committed. Hence a sign-up that finds the activity full and joins the
 * waiting list is told the position it has at commit (no two people are told the same), and a seat given up is passed
 * on at once: to the first on the waiting list, or back to the activity when nobody waits, where the next sign-up
 * takes it. A seat is counted by the conditional update {@link ActivitiesApi#tryReserveSeat} (never more confirmed than
 * seats, guarded again by the database's CHECK), and the unique (activity, person) constraint allows one sign-up per
 * person. What can be done before the lock (reading the activity and its sessions for the mail) is done before it,
 * so the lock is held only for the few statements that decide and record the outcome. Callers check who may do what;
 * this service keeps the counts right.
 */
@Service
public class SignUpService {

    private final SignUpRepository signUps;
    private final ActivitiesApi activities;
    private final ParticipantMails mails;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SeatOffers offers;
    private final ApprovalStore approvals;

    SignUpService(SignUpRepository signUps, ActivitiesApi activities, ParticipantMails mails,
            ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, SeatOffers offers,
            ApprovalStore approvals) {
        this.approvals = approvals;
        this.offers = offers;
        this.signUps = signUps;
        this.activities = activities;
        this.mails = mails;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Signs a person up. Participants may do so only inside the registration window; the secretary at any time while
     * the activity is published.
     */
    @Transactional
    public SignUpResult signUp(long activityId, Person person, Long targetGroupId, String specialNeeds,
            boolean bySecretary) {
        return signUp(activity(activityId), person, targetGroupId, specialNeeds, bySecretary);
    }

    /** As {@link #signUp(long, Person, Long, String, boolean)}, for an activity the caller has just read. */
    @Transactional
    public SignUpResult signUp(ActivityInfo activity, Person person, Long targetGroupId, String specialNeeds,
            boolean bySecretary) {
        return signUp(activity, person, targetGroupId, specialNeeds, bySecretary, null);
    }

    /**
     * As {@link #signUp(ActivityInfo, Person, Long, String, boolean)}; with {@code managerEmail} and an activity that
     * asks for approval, the manager is asked and a seat is only held (PENDING) until they approve.
     */
    @Transactional
    public SignUpResult signUp(ActivityInfo activity, Person person, Long targetGroupId, String specialNeeds,
            boolean bySecretary, String managerEmail) {
        long activityId = activity.id();
        Integer approvalDays = managerEmail == null ? null : approvals.approvalDays(activityId);
        Instant now = clock.instant();
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
        List<String> schedule = mails.schedule(activityId);
        activities.lockSeats(activityId);
        if (activities.tryReserveSeat(activityId)) {
            if (approvalDays != null) {
                signUp.holdForApproval();
            } else {
                signUp.confirm(now);
            }
        } else {
            signUp.waitInLine(nextQueueNumber());
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
            mails.approvalRequest(signUp, person, activity, schedule, approval);
        }
        if (signUp.getStatus() == SignUpStatus.PENDING) {
            mails.approvalPending(signUp, person, activity, schedule, managerEmail);
        } else if (signUp.getStatus() == SignUpStatus.CONFIRMED) {
            events.publishEvent(new SignUpConfirmed(signUp.getId(), activityId, activity.projectId(), person.getId()));
            mails.confirmed(signUp, person, activity, schedule);
        } else {
            // Under the lock: everyone ahead has committed, and nobody joins or leaves before this commits.
            position = signUps.waitingPosition(activityId, signUp.getWaitingSince());
            mails.waiting(signUp, person, activity, schedule, position);
        }
        return new SignUpResult(signUp.getId(), signUp.getStatus(), position);
    }

    /** Cancels a sign-up; a seat it held goes to the first on the waiting list. */
    @Transactional
    public void cancel(long signUpId, CancelledBy by) {
        SignUp signUp = lockedSignUp(signUpId);
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
            passSeatOn(activity);
        }
    }

    /**
     * Cancels without telling the person (used when merging duplicates: the same person keeps another sign-up); a
     * seat it held still goes to the waiting list.
     */
    @Transactional
    public void cancelQuietly(long signUpId) {
        SignUp signUp = lockedSignUp(signUpId);
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
            passSeatOn(activity);
        }
    }

    /** The secretary gives a waiting person a seat; only if a seat is free (raise the seats first otherwise). */
    @Transactional
    public void moveToSeat(long signUpId) {
        SignUp signUp = lockedSignUp(signUpId);
        if (signUp.getStatus() != SignUpStatus.WAITING) {
            throw new BusinessRuleException("signUp.notWaiting");
        }
        ActivityInfo activity = activity(signUp.getActivityId());
        // A seat held by the person's open offer is theirs already.
        if (!offers.close(signUpId, "ACCEPTED") && !activities.tryReserveSeat(signUp.getActivityId())) {
            throw new BusinessRuleException("signUp.noFreeSeat", activity.title());
        }
        signUp.confirm(clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpConfirmed(signUpId, signUp.getActivityId(), signUp.getProjectId(),
                signUp.getPersonId()));
        mails.promoted(signUp, activity);
    }

    /** The secretary moves a confirmed person to the end of the waiting list; their seat goes to the first in line. */
    @Transactional
    public void moveToWaitingList(long signUpId) {
        SignUp signUp = lockedSignUp(signUpId);
        if (signUp.getStatus() != SignUpStatus.CONFIRMED) {
            throw new BusinessRuleException("signUp.notConfirmed");
        }
        ActivityInfo activity = activity(signUp.getActivityId());
        // Hand the seat on first, so it goes to someone already waiting, never straight back to this person. When
        // nobody else waits the seat stays free: the secretary chose to hold it, so it is not filled after commit.
        passSeatOn(activity);
        signUp.waitInLine(nextQueueNumber());
        signUps.flush();
    }

    /** Gives free seats (after the seats were raised) to the waiting list, first come first served. */
    @Transactional
    public int fillFreeSeats(long activityId) {
        // Cheap checks first, without the lock: most calls find nothing to do.
        if (activity(activityId).seatsLeft() == 0 || !Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from sign_up s where s.activity_id = ? and s.status = 'WAITING'
                  and not exists (select 1 from seat_offer o where o.sign_up_id = s.id and o.status = 'OPEN'))""",
                Boolean.class, activityId))) {
            return 0;
        }
        activities.lockSeats(activityId);
        ActivityInfo activity = activity(activityId);
        int promoted = 0;
        while (true) {
            List<SignUp> first = signUps.lockFirstWaitingWithoutOffer(activityId, 1);
            if (first.isEmpty() || !activities.tryReserveSeat(activityId)) {
                return promoted;
            }
            give(first.getFirst(), activity);
            promoted++;
        }
    }

    /** Cancels every sign-up of an activity that was cancelled, and tells each person. */
    @Transactional
    public int cancelAllFor(long activityId, String reason) {
        activities.lockSeats(activityId);
        ActivityInfo activity = activity(activityId);
        offers.closeAll(activityId);
        approvals.closeAll(activityId, clock.instant());
        List<SignUp> open = signUps.findByActivityIdAndStatusNot(activityId, SignUpStatus.CANCELLED);
        for (SignUp signUp : open) {
            boolean heldSeat = signUp.getStatus() == SignUpStatus.CONFIRMED;
            signUp.cancel(CancelledBy.ACTIVITY, clock.instant());
            events.publishEvent(new SignUpCancelled(signUp.getId(), activityId, signUp.getProjectId(),
                    signUp.getPersonId(), heldSeat));
            mails.activityCancelled(signUp, activity, reason);
        }
        return open.size();
    }

    /**
     * A seat held by this transaction goes to the first person waiting who holds no offer: as an offer when the
     * activity makes offers, else at once; back to the activity when nobody waits. Under the activity's lock.
     */
    void passSeatOn(ActivityInfo activity) {
        List<SignUp> first = signUps.lockFirstWaitingWithoutOffer(activity.id(), 1);
        if (first.isEmpty()) {
            activities.releaseSeat(activity.id());
        } else {
            give(first.getFirst(), activity);
        }
    }

    private void give(SignUp signUp, ActivityInfo activity) {
        Integer hours = offers.offerHours(activity.id());
        if (hours == null || !offers.offer(signUp, activity, hours)) {
            promote(signUp, activity);
        }
    }

    /**
     * Gives a waiting person the seat held for them (their offer, or one just freed); while their manager has not
     * answered, the seat is only held for them (PENDING).
     */
    void promote(SignUp signUp, ActivityInfo activity) {
        if (approvals.openFor(signUp.getId())) {
            signUp.holdForApproval();
            signUps.flush();
            mails.approvalPending(signUp, null, activity, null, null);
            return;
        }
        signUp.confirm(clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpConfirmed(signUp.getId(), activity.id(), signUp.getProjectId(),
                signUp.getPersonId()));
        mails.promoted(signUp, activity);
    }

    /** Takes the lock of the sign-up's activity, then reads the sign-up as it is once the lock is held. */
    SignUp lockedSignUp(long signUpId) {
        List<Long> activityId = jdbc.queryForList("select activity_id from sign_up where id = ?", Long.class, signUpId);
        if (activityId.isEmpty()) {
            throw new NotFoundException("SignUp", signUpId);
        }
        activities.lockSeats(activityId.getFirst());
        return signUps.findById(signUpId).orElseThrow(() -> new NotFoundException("SignUp", signUpId));
    }

    long nextQueueNumber() {
        Long next = jdbc.queryForObject("select nextval('waiting_list_seq')", Long.class);
        return next == null ? 0 : next;
    }

    ActivityInfo activity(long activityId) {
        return activities.activity(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
    }
}
