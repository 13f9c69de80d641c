package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The waiting list of each activity and the seats that move along it: a seat given up goes to the first person waiting
 * (as an offer when the activity makes offers), free seats after a raise go to those waiting, first come first served,
 * and the secretary moves people between seats and the list. Every change first takes the activity's lock
 * ({@link ActivitiesApi#lockSeats}), so the changes to one activity happen one at a time (see {@link SignUpService}).
 */
@Component
class WaitingList {

    private final SignUpRepository signUps;
    private final ActivitiesApi activities;
    private final ParticipantMails mails;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SeatOffers offers;
    private final ApprovalStore approvals;

    WaitingList(SignUpRepository signUps, ActivitiesApi activities, ParticipantMails mails,
            ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, SeatOffers offers,
            ApprovalStore approvals) {
        this.signUps = signUps;
        this.activities = activities;
        this.mails = mails;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.offers = offers;
        this.approvals = approvals;
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

    /**
     * Gives free seats (after the seats were raised) to the waiting list, first come first served; each person
     * promoted gets one mail. Returns how many were promoted or offered a seat.
     */
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
