package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.shared.web.Formats;

/**
 * Answering through the link in an invitation, without logging in. The token is the credential; only its hash is
 * looked up. The answer is stored without any trace of the invitation it came through.
 */
@Service
@Transactional(readOnly = true)
public class AnswerService {

    /** Why a link cannot be answered: unknown (404), already used (410) or closed (410). */
    public static class LinkProblem extends RuntimeException {

        private final String reason;

        LinkProblem(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        public int status() {
            return "unknown".equals(reason) ? 404 : 410;
        }
    }

    private final EvaluationStore evaluations;
    private final QuestionStore questions;
    private final Responses responses;
    private final ActivitiesApi activities;
    private final Clock clock;

    AnswerService(EvaluationStore evaluations, QuestionStore questions, Responses responses, ActivitiesApi activities,
            Clock clock) {
        this.evaluations = evaluations;
        this.questions = questions;
        this.responses = responses;
        this.activities = activities;
        this.clock = clock;
    }

    public EvaluationService.AnswerPage open(String token) {
        EvaluationStore.Invitation invitation = usable(token);
        Evaluation e = evaluations.find(invitation.evaluationId()).orElseThrow();
        return new EvaluationService.AnswerPage(e.id(), activities.activity(e.activityId()).map(ActivityInfo::title).orElse(""),
                e.closesOn(), questions.ofEvaluation(e.id()));
    }

    /**
     * Stores the answers when they are valid, in one transaction: the invitation is marked answered by a conditional
     * update, and only when that changed a row is the response written. A second submit of the same link, at the same
     * moment or later, gets {@link LinkProblem} "answered".
     */
    @Transactional
    public AnswerSheet.Result submit(String token, Map<String, List<String>> parameters) {
        EvaluationStore.Invitation invitation = usable(token);
        AnswerSheet.Result result = AnswerSheet.read(questions.ofEvaluation(invitation.evaluationId()), parameters);
        if (!result.valid()) {
            return result;
        }
        if (!evaluations.markAnswered(invitation.id())) {
            throw new LinkProblem("answered");
        }
        responses.insert(invitation.evaluationId(), today(), Responses.Source.WEB, invitation.organisationId(),
                result.values());
        return result;
    }

    private EvaluationStore.Invitation usable(String token) {
        if (token == null || token.length() > 100) {
            throw new LinkProblem("unknown");
        }
        EvaluationStore.Invitation invitation = evaluations.invitationByHash(Tokens.hash(token))
                .orElseThrow(() -> new LinkProblem("unknown"));
        Evaluation e = evaluations.find(invitation.evaluationId()).orElseThrow(() -> new LinkProblem("unknown"));
        if (invitation.answered()) {
            throw new LinkProblem("answered");
        }
        if (!e.acceptsAnswers(today())) {
            throw new LinkProblem("closed");
        }
        return invitation;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
