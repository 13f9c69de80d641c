package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityInfo;

/**
 * One pass of the survey job, in one transaction (so mails are queued with the links they carry): sends follow-ups
 * that are due, reminds those who have not answered an open mapping, follow-up or ad-hoc survey, closes surveys past
 * their closing date, erases the uploaded recipients of closed surveys and expired interest registrations.
 */
@Component
public class SurveyJobRunner {

    private static final Logger log = LoggerFactory.getLogger(SurveyJobRunner.class);

    /** What one pass did. */
    public record Outcome(int followUpsSent, int mails, int closed, int contactsErased, int interestErased) {
    }

    private final EvaluationStore evaluations;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final SurveyInvitations invitations;
    private final InterestStore interest;
    private final Clock clock;

    SurveyJobRunner(EvaluationStore evaluations, SurveyStore surveys, QuestionStore questions,
            SurveyInvitations invitations, InterestStore interest, Clock clock) {
        this.evaluations = evaluations;
        this.surveys = surveys;
        this.questions = questions;
        this.invitations = invitations;
        this.interest = interest;
        this.clock = clock;
    }

    @Transactional
    public Outcome run() {
        int closed = evaluations.closeEnded(invitations.today());
        Instant now = clock.instant();
        int followUps = 0;
        int mails = 0;
        for (Evaluation draft : evaluations.surveysWithStatus(EvaluationStatus.DRAFT)) {
            if (draft.kind() != SurveyKind.FOLLOW_UP) {
                continue;
            }
            ActivityInfo activity = invitations.activity(draft);
            Instant due = invitations.followUpDue(draft, activity);
            if (!invitations.activityHeld(activity) || due == null || now.isBefore(due)
                    || questions.ofEvaluation(draft.id()).isEmpty()) {
                continue;
            }
            // Under the row lock, so that the secretary's "send now" at the same moment sends once.
            Evaluation locked = evaluations.lock(draft.id()).orElse(null);
            if (locked != null && locked.status() == EvaluationStatus.DRAFT) {
                mails += invitations.send(locked, invitations.defaultClosing());
                followUps++;
            }
        }
        for (Evaluation open : evaluations.surveysWithStatus(EvaluationStatus.OPEN)) {
            Evaluation locked = evaluations.lock(open.id()).orElse(null);
            if (locked != null && locked.status() == EvaluationStatus.OPEN) {
                mails += invitations.remindIfDue(locked);
            }
        }
        int erased = surveys.eraseContactsOfClosed();
        int expired = interest.eraseExpired(invitations.today());
        Outcome outcome = new Outcome(followUps, mails, closed, erased, expired);
        if (followUps + mails + closed + erased + expired > 0) {
            log.info("Surveys: {}", outcome);
        }
        return outcome;
    }
}
