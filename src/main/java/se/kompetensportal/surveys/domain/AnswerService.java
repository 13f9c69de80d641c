package se.kompetensportal.surveys.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.RateLimiter;
import se.kompetensportal.shared.web.Formats;

/**
 * Answering without logging in: through the personal link in an invitation, or through an open link. A personal link's
 * token is the credential (only its hash is looked up) and works once; an open link may be used any number of times,
 * after the access code if it has one. The answer is stored without any trace of the invitation or link it came
 * through, unless the survey is identified.
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
            return "unknown".equals(reason) || "notOpen".equals(reason) ? 404 : 410;
        }
    }

    /** What the form behind an open link shows: the survey, whose link it is, and whether a code is asked for. */
    public record OpenPage(String token, EvaluationService.AnswerPage page, String organisationName, boolean asksCode) {
    }

    /** Wrong access codes allowed per open link in a quarter of an hour, before the link refuses codes for a while. */
    static final int CODE_ATTEMPTS = 30;

    private final EvaluationStore evaluations;
    private final InvitationStore invitationStore;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final Responses responses;
    private final SurveyTitles titles;
    private final ProjectsApi projects;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    AnswerService(EvaluationStore evaluations, InvitationStore invitationStore, SurveyStore surveys,
            QuestionStore questions, Responses responses, SurveyTitles titles, ProjectsApi projects,
            RateLimiter rateLimiter, Clock clock) {
        this.evaluations = evaluations;
        this.invitationStore = invitationStore;
        this.surveys = surveys;
        this.questions = questions;
        this.responses = responses;
        this.titles = titles;
        this.projects = projects;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public EvaluationService.AnswerPage open(String token, Locale locale) {
        InvitationStore.Invitation invitation = usable(token);
        return page(evaluations.find(invitation.evaluationId()).orElseThrow(), locale);
    }

    EvaluationService.AnswerPage page(Evaluation e, Locale locale) {
        return new EvaluationService.AnswerPage(e.id(), e.kind(), titles.title(e, locale), e.identified(), e.closesOn(),
                questions.ofEvaluation(e.id()));
    }

    /**
     * Stores the answers when they are valid, in one transaction: the invitation is marked answered by a conditional
     * update, and only when that changed a row is the response written. A second submit of the same link, at the same
     * moment or later, gets {@link LinkProblem} "answered".
     */
    @Transactional
    public AnswerSheet.Result submit(String token, Map<String, List<String>> parameters) {
        InvitationStore.Invitation invitation = usable(token);
        Evaluation e = evaluations.find(invitation.evaluationId()).orElseThrow();
        List<Question> asked = questions.ofEvaluation(e.id());
        AnswerSheet.Result result = AnswerSheet.read(asked, parameters);
        if (!result.valid()) {
            return result;
        }
        if (!invitationStore.markAnswered(invitation.id())) {
            throw new LinkProblem("answered");
        }
        Long targetGroup = invitation.targetGroupId() != null ? invitation.targetGroupId()
                : AnswerSheet.chosenTargetGroup(asked, result.values());
        UUID response = responses.insert(e.id(), today(), Responses.Source.WEB, invitation.organisationId(), targetGroup,
                result.values());
        if (e.identified()) {
            responses.identify(response, invitation.id());
        }
        return result;
    }

    public OpenPage openLink(String token, Locale locale) {
        SurveyStore.OpenLink link = usableLink(token);
        Evaluation e = evaluations.find(link.evaluationId()).orElseThrow(() -> new LinkProblem("unknown"));
        return new OpenPage(token, page(e, locale), link.organisationId() == null ? null
                : projects.organisation(link.organisationId()).map(OrganisationInfo::name).orElse(null), link.hasCode());
    }

    /**
     * Stores an answer given through an open link: the access code first (if the link has one), then the answers. The
     * response counts for the link's organisation; nothing records that it came through the link.
     */
    @Transactional
    public AnswerSheet.Result submitOpen(String token, String accessCode, Map<String, List<String>> parameters) {
        SurveyStore.OpenLink link = usableLink(token);
        Evaluation e = evaluations.find(link.evaluationId()).orElseThrow(() -> new LinkProblem("unknown"));
        List<Question> asked = questions.ofEvaluation(e.id());
        AnswerSheet.Result result = AnswerSheet.read(asked, parameters);
        if (link.hasCode()) {
            String bucket = "survey-code:" + link.id();
            String given = accessCode == null ? "" : accessCode.strip();
            String error = null;
            if (rateLimiter.isExhausted(bucket, CODE_ATTEMPTS, Duration.ofMinutes(15))) {
                error = "answer.code.locked";
            } else if (!java.security.MessageDigest.isEqual(given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                    link.accessCode().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                rateLimiter.hit(bucket, CODE_ATTEMPTS, Duration.ofMinutes(15));
                error = given.isEmpty() ? "answer.code.required" : "answer.code.wrong";
            }
            if (error != null) {
                Map<String, String> errors = new java.util.LinkedHashMap<>();
                errors.put("accessCode", error);
                errors.putAll(result.errors());
                Map<String, List<String>> entered = new HashMap<>(result.entered());
                entered.put("accessCode", List.of(given));
                return new AnswerSheet.Result(result.values(), errors, entered);
            }
        }
        if (!result.valid()) {
            return result;
        }
        responses.insert(e.id(), today(), Responses.Source.WEB, link.organisationId(),
                AnswerSheet.chosenTargetGroup(asked, result.values()), result.values());
        return result;
    }

    private SurveyStore.OpenLink usableLink(String token) {
        if (token == null || token.length() > 100) {
            throw new LinkProblem("unknown");
        }
        SurveyStore.OpenLink link = surveys.openLinkByToken(token).orElseThrow(() -> new LinkProblem("unknown"));
        Evaluation e = evaluations.find(link.evaluationId()).orElseThrow(() -> new LinkProblem("unknown"));
        if (e.status() == EvaluationStatus.DRAFT) {
            throw new LinkProblem("notOpen");
        }
        if (!e.acceptsAnswers(today())) {
            throw new LinkProblem("closed");
        }
        return link;
    }

    private InvitationStore.Invitation usable(String token) {
        if (token == null || token.length() > 100) {
            throw new LinkProblem("unknown");
        }
        InvitationStore.Invitation invitation = invitationStore.invitationByHash(Tokens.hash(token))
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
