package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/** The secretary's side of evaluations: one per activity, its questions before sending, sending, paper answers. */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

    public record EvaluationRow(long id, long activityId, String activityTitle, EvaluationStatus status, Instant sentAt,
            LocalDate closesOn, long invitations, long answered, long responses, Double responsePercent) {
    }

    public record EvaluationView(long id, long projectId, String projectName, long activityId, String activityTitle,
            Instant lastSessionEnd, EvaluationStatus status, Instant sentAt, Instant sendDue, LocalDate closesOn,
            int remindersSent, long version, List<Question> questions, long invitations, long answered, long webResponses,
            long paperResponses, Double responsePercent) {

        public boolean draft() {
            return status == EvaluationStatus.DRAFT;
        }

        public long responses() {
            return webResponses + paperResponses;
        }
    }

    /**
     * What an answer form shows: the survey's kind and title (an evaluation's is its activity's), whether answers are
     * identified, the closing date and the questions.
     */
    public record AnswerPage(long evaluationId, SurveyKind kind, String title, boolean identified, LocalDate closesOn,
            List<Question> questions) {
    }

    private final EvaluationStore evaluations;
    private final ResponseStore responseCounts;
    private final QuestionStore questions;
    private final TemplateService templates;
    private final Invitations invitations;
    private final Responses responses;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final SurveyTitles titles;
    private final Clock clock;

    EvaluationService(EvaluationStore evaluations, ResponseStore responseCounts, QuestionStore questions,
            TemplateService templates,
            Invitations invitations, Responses responses, ActivitiesApi activities, ProjectsApi projects,
            SurveyTitles titles, Clock clock) {
        this.titles = titles;
        this.evaluations = evaluations;
        this.responseCounts = responseCounts;
        this.questions = questions;
        this.templates = templates;
        this.invitations = invitations;
        this.responses = responses;
        this.activities = activities;
        this.projects = projects;
        this.clock = clock;
    }

    /** The projects the user may follow (see results of), or manage when {@code manage} is set. */
    public List<ProjectInfo> projects(PortalUser user, boolean manage) {
        Access.require(user);
        List<ProjectInfo> all = user.isAdmin() ? projects.projects() : projects.projects(user.projectIds());
        return all.stream().filter(p -> manage ? user.canManageProject(p.id()) : user.canFollowProject(p.id())).toList();
    }

    public List<EvaluationRow> evaluations(PortalUser user, long projectId) {
        Access.requireManage(user, projectId);
        List<Evaluation> list = evaluations.ofProject(projectId);
        Map<Long, ActivityInfo> byId = activities.activities(list.stream().map(Evaluation::activityId).toList()).stream()
                .collect(Collectors.toMap(ActivityInfo::id, Function.identity()));
        Map<Long, ResponseStore.Counts> counts = responseCounts.countsOfProject(projectId);
        return list.stream().map(e -> {
            ResponseStore.Counts c = counts.getOrDefault(e.id(), new ResponseStore.Counts(0, 0, 0, 0));
            ActivityInfo a = byId.get(e.activityId());
            return new EvaluationRow(e.id(), e.activityId(), a == null ? "" : a.title(), e.status(), e.sentAt(),
                    e.closesOn(), c.invitations(), c.answered(), c.responses(), c.responsePercent());
        }).toList();
    }

    /** Activities of the project (published or completed) that have no evaluation yet. */
    public List<ActivityChoice> activitiesWithout(PortalUser user, long projectId) {
        Access.requireManage(user, projectId);
        Set<Long> evaluated = evaluations.ofProject(projectId).stream().map(Evaluation::activityId).collect(Collectors.toSet());
        return activities.activitiesOfProject(projectId).stream()
                .filter(a -> EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED).contains(a.status()))
                .filter(a -> !evaluated.contains(a.id()))
                .map(a -> new ActivityChoice(a.id(), a.title(), a.firstSessionStart(), a.status())).toList();
    }

    /** The activity's evaluation, created from the project's default template if it has none. */
    @Transactional
    public long create(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
        Access.requireManage(user, activity.projectId());
        if (!EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED).contains(activity.status())) {
            throw new BusinessRuleException("evaluation.error.activityStatus");
        }
        return createUnchecked(activity);
    }

    /** Creates the evaluation of a completed activity (no signed-in user: an event). Idempotent. */
    @Transactional
    public long createFor(long activityId) {
        return createUnchecked(activities.activity(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId)));
    }

    private long createUnchecked(ActivityInfo activity) {
        boolean[] created = new boolean[1];
        long id = evaluations.insertIfAbsent(activity.projectId(), activity.id(), activity.trackId(), created);
        Long template = templates.defaultTemplate(activity.projectId());
        if (created[0] && template != null) {
            questions.copy(template, id);
        }
        return id;
    }

    /** The page of a survey that is not a course evaluation, or {@code null} for a course evaluation. */
    public String surveyPage(PortalUser user, long evaluationId) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        return e.kind() == SurveyKind.COURSE_EVALUATION ? null : "/admin/surveys/" + e.id();
    }

    /** Where the activity's evaluation is administered: its page, or the project's list when it has none yet. */
    public String pageOfActivity(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId).orElseThrow(() -> new NotFoundException("Activity", activityId));
        Access.requireManage(user, activity.projectId());
        return evaluations.ofActivity(activityId).map(e -> "/admin/evaluations/" + e.id())
                .orElse("/admin/evaluations?projectId=" + activity.projectId());
    }

    public EvaluationView evaluation(PortalUser user, long evaluationId) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        ActivityInfo a = activities.activity(e.activityId()).orElseThrow();
        ResponseStore.Counts c = responseCounts.counts(e.id());
        return new EvaluationView(e.id(), e.projectId(), projects.project(e.projectId()).map(ProjectInfo::shortName).orElse(""),
                a.id(), a.title(), a.lastSessionEnd(), e.status(), e.sentAt(), invitations.sendDue(a.lastSessionEnd()),
                e.closesOn(), e.remindersSent(), e.version(), questions.ofEvaluation(e.id()), c.invitations(), c.answered(),
                c.web(), c.paper(), c.responsePercent());
    }

    /** Sends a draft now instead of waiting for the job. */
    @Transactional
    public int send(PortalUser user, long evaluationId) {
        Evaluation e = evaluations.lock(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        if (e.status() != EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.alreadySent");
        }
        ActivityInfo activity = activities.activity(e.activityId()).orElseThrow(() -> new NotFoundException("Activity", e.activityId()));
        if (activity.lastSessionEnd() == null || activity.lastSessionEnd().isAfter(clock.instant())) {
            throw new BusinessRuleException("evaluation.error.notEnded");
        }
        if (questions.ofEvaluation(evaluationId).isEmpty()) {
            throw new BusinessRuleException("evaluation.error.noQuestions");
        }
        if (!invitations.sendable(e)) {
            throw new BusinessRuleException("evaluation.error.noAttendees");
        }
        return invitations.send(e);
    }

    @Transactional
    public void changeClosingDate(PortalUser user, long evaluationId, LocalDate closesOn, long version) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        if (e.status() == EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.notSent");
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        if (closesOn.isBefore(today) || closesOn.isAfter(today.plusYears(1))) {
            throw new FieldRejectedException("closesOn", "evaluation.closesOn.range");
        }
        evaluations.changeClosingDate(evaluationId, closesOn, version);
    }

    public AnswerPage paperForm(PortalUser user, long evaluationId, java.util.Locale locale) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        return new AnswerPage(e.id(), e.kind(), titles.title(e, locale), false, e.closesOn(), questions.ofEvaluation(e.id()));
    }

    /** The project's actors, to say which organisation a paper form came from. */
    public List<OrganisationInfo> organisations(PortalUser user, long evaluationId) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        return projects.actors(e.projectId());
    }

    /** Records one paper form's answers (counted like web answers), unless the form has errors. */
    @Transactional
    public AnswerSheet.Result recordPaper(PortalUser user, long evaluationId, Map<String, List<String>> parameters,
            Long organisationId) {
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, e.projectId());
        List<Question> asked = questions.ofEvaluation(evaluationId);
        if (asked.isEmpty()) {
            throw new BusinessRuleException("evaluation.error.noQuestions");
        }
        if (organisationId != null && projects.actors(e.projectId()).stream().noneMatch(o -> o.id() == organisationId)) {
            throw new BusinessRuleException("evaluation.error.organisation");
        }
        AnswerSheet.Result result = AnswerSheet.read(asked, parameters);
        if (result.valid()) {
            responses.insert(evaluationId, LocalDate.now(clock.withZone(Formats.ZONE)), Responses.Source.PAPER,
                    organisationId, AnswerSheet.chosenTargetGroup(asked, result.values()), result.values());
        }
        return result;
    }
}
