package se.kompetensportal.surveys.domain;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/** Sending a mapping, follow-up or ad-hoc survey: a draft goes out now to every recipient, for those who manage it. */
@Service
@Transactional(readOnly = true)
public class SurveySending {

    private final EvaluationStore evaluations;
    private final ResponseStore responses;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final SurveyInvitations invitations;

    SurveySending(EvaluationStore evaluations, ResponseStore responses, SurveyStore surveys, QuestionStore questions,
            SurveyInvitations invitations) {
        this.evaluations = evaluations;
        this.responses = responses;
        this.surveys = surveys;
        this.questions = questions;
        this.invitations = invitations;
    }

    /** Sends a draft now: mails every recipient (a follow-up's: its activity's attendees). */
    @Transactional
    public int send(PortalUser user, long id, LocalDate closesOn) {
        Evaluation e = evaluations.lock(id).orElseThrow(() -> new NotFoundException("Evaluation", id));
        Access.requireManage(user, e.projectId());
        if (e.kind() == SurveyKind.COURSE_EVALUATION) {
            throw new NotFoundException("Survey", id);
        }
        requireDraft(e);
        LocalDate today = invitations.today();
        LocalDate closes = closesOn != null ? closesOn : invitations.defaultClosing();
        if (closes.isBefore(today) || closes.isAfter(today.plusYears(1))) {
            throw new FieldRejectedException("closesOn", "evaluation.closesOn.range");
        }
        if (questions.ofEvaluation(id).isEmpty()) {
            throw new BusinessRuleException("evaluation.error.noQuestions");
        }
        if (e.kind() == SurveyKind.FOLLOW_UP) {
            invitations.addAttendees(e);
        }
        if (responses.counts(id).invitations() == 0 && surveys.openLinks(id).isEmpty()) {
            throw new BusinessRuleException(e.kind() == SurveyKind.FOLLOW_UP ? "evaluation.error.noAttendees"
                    : "survey.error.noRecipients");
        }
        return invitations.send(e, closes);
    }

    /** Settings and sending apply to drafts only. */
    static void requireDraft(Evaluation e) {
        if (e.status() != EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.alreadySent");
        }
    }
}
