package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.SignUpCancelled;

/**
 * A waiting-list offer answered by its link, or run out: accepting takes the held seat; declining gives up the place
 * on the waiting list; an offer whose time ran out puts its person last in line. Either way the seat then goes to the
 * next person waiting (an offer again), or back to the activity. Each runs under the activity's seat lock, so an
 * offer is answered once: of two answers racing (or an answer racing the expiry) one wins and the other gets 409.
 */
@Service
public class OfferService {

    private final SeatOffers offers;
    private final WaitingList seats;
    private final SignUpRepository signUps;
    private final ActivitiesApi activities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ParticipantMails mails;

    OfferService(SeatOffers offers, WaitingList seats, SignUpRepository signUps, ActivitiesApi activities,
            ApplicationEventPublisher events, Clock clock, ParticipantMails mails) {
        this.mails = mails;
        this.offers = offers;
        this.seats = seats;
        this.signUps = signUps;
        this.activities = activities;
        this.events = events;
        this.clock = clock;
    }

    /** What the offer page shows. */
    public record OfferPage(String token, ActivityInfo activity, String status, java.time.Instant expiresAt,
            boolean expired) {
    }

    @Transactional(readOnly = true)
    public OfferPage page(String token) {
        SeatOffers.Offer offer = offers.byToken(token).orElseThrow(() -> new LinkProblem(404, "offerUnknown"));
        ActivityInfo activity = seats.activity(offer.activityId());
        return new OfferPage(token, activity, offer.status(), offer.expiresAt(),
                !offer.expiresAt().isAfter(clock.instant()));
    }

    @Transactional
    public void accept(String token) {
        SeatOffers.Offer offer = lockedOpen(token);
        if ("ACCEPTED".equals(offer.status())) {
            return;
        }
        ActivityInfo activity = seats.activity(offer.activityId());
        SignUp signUp = signUps.findById(offer.signUpId()).orElseThrow(() -> new LinkProblem(404, "offerUnknown"));
        offers.close(signUp.getId(), "ACCEPTED");
        seats.promote(signUp, activity);
    }

    @Transactional
    public void decline(String token) {
        SeatOffers.Offer offer = lockedOpen(token);
        if ("ACCEPTED".equals(offer.status())) {
            throw new LinkProblem(409, "offerAccepted");
        }
        ActivityInfo activity = seats.activity(offer.activityId());
        SignUp signUp = signUps.findById(offer.signUpId()).orElseThrow(() -> new LinkProblem(404, "offerUnknown"));
        offers.close(signUp.getId(), "DECLINED");
        signUp.cancel(CancelledBy.PARTICIPANT, clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpCancelled(signUp.getId(), signUp.getActivityId(), signUp.getProjectId(),
                signUp.getPersonId(), false));
        seats.passSeatOn(activity);
    }

    /** Open offers whose time has run out. */
    @Transactional(readOnly = true)
    public List<Long> due() {
        return offers.due();
    }

    /** Ends one offer whose time ran out (if it is still open and due): its person goes last in line. */
    @Transactional
    public boolean expire(long offerId) {
        SeatOffers.Offer found = offers.byId(offerId).orElse(null);
        if (found == null) {
            return false;
        }
        activities.lockSeats(found.activityId());
        SeatOffers.Offer offer = offers.byId(offerId).orElseThrow();
        if (!offer.open() || offer.expiresAt().isAfter(clock.instant())) {
            return false;
        }
        SignUp signUp = signUps.findById(offer.signUpId()).orElseThrow();
        offers.close(signUp.getId(), "EXPIRED");
        ActivityInfo activity = seats.activity(offer.activityId());
        if (activity.status() != ActivityStatus.PUBLISHED) {
            // A completed activity: the seat is not offered on, just given back.
            activities.releaseSeat(activity.id());
            return true;
        }
        signUp.waitInLine(seats.nextQueueNumber());
        signUps.flush();
        seats.passSeatOn(activity);
        // Under the lock: the position told is the one at commit.
        mails.offerExpired(signUp, activity, offerId, signUps.waitingPosition(activity.id(), signUp.getWaitingSince()));
        return true;
    }

    /**
     * The offer, read again under the activity's lock: an accepted one is returned (answering twice is harmless);
     * one declined, withdrawn or run out is a 409 (its seat may be someone else's now); a cancelled or finished
     * activity a 410.
     */
    private SeatOffers.Offer lockedOpen(String token) {
        SeatOffers.Offer found = offers.byToken(token).orElseThrow(() -> new LinkProblem(404, "offerUnknown"));
        activities.lockSeats(found.activityId());
        SeatOffers.Offer offer = offers.byToken(token).orElseThrow();
        if (seats.activity(offer.activityId()).status() != ActivityStatus.PUBLISHED) {
            throw new LinkProblem(410, "offerActivityClosed");
        }
        if ("ACCEPTED".equals(offer.status())) {
            return offer;
        }
        if (!offer.open()) {
            throw new LinkProblem(409, "offer" + switch (offer.status()) {
                case "DECLINED" -> "Declined";
                case "EXPIRED" -> "Expired";
                default -> "Withdrawn";
            });
        }
        if (!offer.expiresAt().isAfter(clock.instant())) {
            throw new LinkProblem(409, "offerExpired");
        }
        return offer;
    }
}
