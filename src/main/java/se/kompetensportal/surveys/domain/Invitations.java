package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.Attendee;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.participants.ParticipantsApi;
import se.kompetensportal.shared.web.Formats;

/**
 * Sends an evaluation to those whose attendance was recorded (each gets a link of their own), reminds those who have
 * not answered, and closes evaluations past their closing date. Runs inside the caller's transaction, so mails are
 * queued together with the invitations.
 */
@Component
class Invitations {

    static final int MAX_REMINDERS = 2;

    private final EvaluationStore evaluations;
    private final InvitationStore invitationStore;
    private final QuestionStore questions;
    private final ActivitiesApi activities;
    private final ParticipantsApi participants;
    private final ParticipantEmployers employers;
    private final SurveyMails mails;
    private final Clock clock;
    private final Duration inviteAfter;
    private final Period openFor;
    private final Duration reminderInterval;

    Invitations(EvaluationStore evaluations, InvitationStore invitationStore, QuestionStore questions,
            ActivitiesApi activities, ParticipantsApi participants, ParticipantEmployers employers, SurveyMails mails,
            Clock clock,
            @Value("${kp.surveys.invite-after:PT2H}") Duration inviteAfter,
            @Value("${kp.surveys.open-for:P14D}") Period openFor,
            @Value("${kp.surveys.reminder-interval:P4D}") Duration reminderInterval) {
        this.evaluations = evaluations;
        this.invitationStore = invitationStore;
        this.questions = questions;
        this.activities = activities;
        this.participants = participants;
        this.employers = employers;
        this.mails = mails;
        this.clock = clock;
        this.inviteAfter = inviteAfter;
        this.openFor = openFor;
        this.reminderInterval = reminderInterval;
    }

    Duration inviteAfter() {
        return inviteAfter;
    }

    /** When the job will send a draft evaluation of an activity whose last session ends at {@code lastSessionEnd}. */
    Instant sendDue(Instant lastSessionEnd) {
        return lastSessionEnd == null ? null : lastSessionEnd.plus(inviteAfter);
    }

    /** Whether a draft can go out now: it has questions and someone attended. */
    boolean sendable(Evaluation evaluation) {
        return !questions.ofEvaluation(evaluation.id()).isEmpty() && !participants.attendees(evaluation.activityId()).isEmpty();
    }

    /** Sends a draft: invitations to everyone who attended, status OPEN, closing date {@code open-for} from today. */
    int send(Evaluation evaluation) {
        LocalDate closesOn = LocalDate.now(clock.withZone(Formats.ZONE)).plus(openFor);
        evaluations.markSent(evaluation.id(), clock.instant(), closesOn);
        return inviteNew(evaluation.id(), evaluation.activityId(), closesOn);
    }

    /** Invites those who attended and have no invitation yet (attendance recorded after the evaluation went out). */
    int inviteNew(long evaluationId, long activityId, LocalDate closesOn) {
        ActivityInfo activity = activities.activity(activityId).orElseThrow();
        Evaluation evaluation = evaluations.find(evaluationId).orElseThrow();
        List<Attendee> attendees = participants.attendees(activityId);
        Map<Long, Long> employerOf = employers.employersOf(attendees.stream().map(Attendee::personId).toList());
        int sent = 0;
        for (Attendee attendee : attendees) {
            String token = Tokens.newToken();
            if (invitationStore.invite(evaluationId, attendee.personId(), Tokens.hash(token),
                    employerOf.get(attendee.personId()))) {
                mails.invitation(evaluation, attendee, activity, token, closesOn);
                sent++;
            }
        }
        return sent;
    }

    /** Reminds those who have not answered, when the interval since the last mail has passed; at most twice. */
    int remindIfDue(Evaluation evaluation) {
        Instant now = clock.instant();
        Instant last = evaluation.lastReminderAt() != null ? evaluation.lastReminderAt() : evaluation.sentAt();
        if (evaluation.remindersSent() >= MAX_REMINDERS || last == null || now.isBefore(last.plus(reminderInterval))
                || !evaluation.acceptsAnswers(LocalDate.now(clock.withZone(Formats.ZONE)))) {
            return 0;
        }
        Set<Long> waiting = Set.copyOf(invitationStore.notAnswered(evaluation.id()));
        ActivityInfo activity = activities.activity(evaluation.activityId()).orElseThrow();
        Map<Long, Attendee> attendees = participants.attendees(evaluation.activityId()).stream()
                .collect(Collectors.toMap(Attendee::personId, Function.identity()));
        int sent = 0;
        for (Long personId : waiting) {
            Attendee attendee = attendees.get(personId);
            if (attendee == null) {
                continue;
            }
            String token = Tokens.newToken();
            invitationStore.addLink(evaluation.id(), personId, Tokens.hash(token));
            mails.reminder(evaluation, attendee, activity, token, evaluation.closesOn());
            sent++;
        }
        evaluations.markReminded(evaluation.id(), now);
        return sent;
    }
}
