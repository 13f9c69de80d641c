package se.kompetensportal.participants.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a commit that may leave a seat free while people wait, fills it in a transaction of its own. Runs on the same
 * thread, right after the commit, so the person who gets the seat is told at once.
 */
@Component
class FreeSeatFiller {

    private final SignUpService seats;

    FreeSeatFiller(SignUpService seats) {
        this.seats = seats;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(SeatsMayBeFree event) {
        seats.fillFreeSeats(event.activityId());
    }
}
