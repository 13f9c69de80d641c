package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.SignUpCancelled;
import se.kompetensportal.participants.SignUpConfirmed;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * "Send a colleague instead": from the sign-up's own page (its secret link), until the cancellation deadline, a
 * participant hands their seat (or their place on the waiting list) to a colleague. The seat moves in one transaction
 * under the activity's lock: the participant's sign-up is cancelled without freeing the seat, and the colleague's
 * takes it, so nobody on the waiting list can take it in between. The colleague gets the usual confirmation with
 * their own link; the project's secretaries are told. A colleague already signed up is refused with an explanation.
 */
@Service
public class ColleagueService {

    private final WaitingList seats;
    private final SignUpRepository signUps;
    private final PersonRepository people;
    private final PersonProfiles profiles;
    private final ParticipantMails mails;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SeatOffers offers;

    ColleagueService(WaitingList seats, SignUpRepository signUps, PersonRepository people, PersonProfiles profiles,
            ParticipantMails mails, AccountsApi accounts, ApplicationEventPublisher events, Clock clock,
            SeatOffers offers) {
        this.offers = offers;
        this.seats = seats;
        this.signUps = signUps;
        this.people = people;
        this.profiles = profiles;
        this.mails = mails;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The sign-up of the link, if a colleague may still be sent (else a {@link LinkProblem}). */
    @Transactional(readOnly = true)
    public ActivityInfo check(String token) {
        SignUp signUp = signUps.findByManageToken(token).orElseThrow(() -> new LinkProblem(404, "signUpUnknown"));
        return allowed(signUp);
    }

    @Transactional
    public void send(String token, ColleagueForm form) {
        SignUp found = signUps.findByManageToken(token).orElseThrow(() -> new LinkProblem(404, "signUpUnknown"));
        SignUp original = seats.lockedSignUp(found.getId());
        ActivityInfo activity = allowed(original);
        if (original.getStatus() == SignUpStatus.PENDING) {
            // The manager was asked about this person: the colleague needs a sign-up (and an approval) of their own.
            throw new LinkProblem(409, "colleaguePending");
        }
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        Person colleague = people.findActiveByEmail(email).orElse(null);
        if (colleague != null && colleague.getId() == original.getPersonId()) {
            throw new FieldRejectedException("email", "colleague.self");
        }
        SignUp existing = colleague == null ? null
                : signUps.findByActivityIdAndPersonId(activity.id(), colleague.getId()).orElse(null);
        if (existing != null && existing.getStatus() != SignUpStatus.CANCELLED) {
            throw new FieldRejectedException("email", "colleague.alreadySignedUp", activity.title());
        }
        if (colleague == null) {
            colleague = new Person(email, form.firstName().strip(), form.lastName().strip(), Gender.UNDISCLOSED);
            profiles.apply(new ProfileForm(form.firstName().strip(), form.lastName().strip(), null, null,
                    form.employerName().strip(), null, Gender.UNDISCLOSED, null, null), colleague);
            colleague = people.saveAndFlush(colleague);
        }
        SignUpStatus status = original.getStatus();
        Long waitingSince = original.getWaitingSince();
        Person sender = people.findById(original.getPersonId()).orElseThrow();
        boolean heldOffer = offers.close(original.getId(), "WITHDRAWN");
        original.cancel(CancelledBy.PARTICIPANT, clock.instant());
        signUps.flush();
        events.publishEvent(new SignUpCancelled(original.getId(), activity.id(), original.getProjectId(),
                original.getPersonId(), status == SignUpStatus.CONFIRMED));
        SignUp taken = existing != null ? existing
                : new SignUp(activity.id(), activity.projectId(), colleague.getId(), original.getTargetGroupId(), null);
        List<String> schedule = mails.schedule(activity.id());
        if (status == SignUpStatus.CONFIRMED) {
            taken.confirm(clock.instant());
            taken = signUps.saveAndFlush(taken);
            events.publishEvent(new SignUpConfirmed(taken.getId(), activity.id(), activity.projectId(),
                    colleague.getId()));
            mails.confirmed(taken, colleague, activity, schedule);
        } else {
            taken.waitInLine(waitingSince);
            taken = signUps.saveAndFlush(taken);
            mails.waiting(taken, colleague, activity, schedule,
                    signUps.waitingPosition(activity.id(), taken.getWaitingSince()));
        }
        if (heldOffer) {
            seats.passSeatOn(activity);
        }
        String who = sender.getFirstName() + " " + sender.getLastName();
        String instead = colleague.getFirstName() + " " + colleague.getLastName() + " (" + form.employerName().strip() + ")";
        accounts.usersWithRole(Role.SECRETARY, activity.projectId()).forEach(secretary ->
                mails.colleagueNotice(secretary.email(), activity, who, instead));
    }

    private ActivityInfo allowed(SignUp signUp) {
        ActivityInfo activity = seats.activity(signUp.getActivityId());
        if (signUp.getStatus() == SignUpStatus.CANCELLED) {
            throw new LinkProblem(409, "colleagueCancelled");
        }
        if (!activity.isCancellableBy(clock.instant())) {
            throw new LinkProblem(410, "colleagueTooLate");
        }
        return activity;
    }
}
