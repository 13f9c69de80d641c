package se.kompetensportal.surveys.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * What the survey services share: finding a survey the acting user may manage, the survey as its pages show it, and
 * the activities a follow-up or a recipient choice may name.
 */
@Component
class SurveyViews {

    private final EvaluationStore evaluations;
    private final ResponseStore responses;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final SurveyInvitations invitations;
    private final SurveyTitles titles;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final PortalProperties portal;

    SurveyViews(EvaluationStore evaluations, ResponseStore responses, SurveyStore surveys, QuestionStore questions,
            SurveyInvitations invitations, SurveyTitles titles, ActivitiesApi activities, ProjectsApi projects,
            PortalProperties portal) {
        this.evaluations = evaluations;
        this.responses = responses;
        this.surveys = surveys;
        this.questions = questions;
        this.invitations = invitations;
        this.titles = titles;
        this.activities = activities;
        this.projects = projects;
        this.portal = portal;
    }

    /** The survey, if it exists (404) and the user may manage its project (403). */
    Evaluation managed(PortalUser user, long id) {
        Evaluation e = evaluations.find(id).orElseThrow(() -> new NotFoundException("Evaluation", id));
        Access.requireManage(user, e.projectId());
        return e;
    }

    SurveyView view(Evaluation e, Locale locale) {
        ResponseStore.Counts c = responses.counts(e.id());
        ActivityInfo activity = invitations.activity(e);
        List<SurveyView.OpenLinkRow> links = new ArrayList<>();
        Map<Long, String> actorNames = projects.actors(e.projectId()).stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        for (SurveyStore.OpenLink l : surveys.openLinks(e.id())) {
            links.add(new SurveyView.OpenLinkRow(l.id(), l.organisationId() == null ? null
                    : actorNames.getOrDefault(l.organisationId(), projects.organisation(l.organisationId())
                            .map(OrganisationInfo::name).orElse("")), portal.link("/surveys/open/" + l.token()),
                    l.accessCode()));
        }
        return new SurveyView(e.id(), e.projectId(), projects.project(e.projectId()).map(ProjectInfo::shortName).orElse(""),
                e.kind(), titles.title(e, locale), e.titleSv(), e.titleEn(), e.identified(), e.followUpMonths(),
                e.activityId(), activity == null ? null : activity.title(),
                e.kind() == SurveyKind.FOLLOW_UP ? invitations.followUpDue(e, activity) : null, e.status(), e.sentAt(),
                e.closesOn(), e.remindersSent(), e.version(), questions.ofEvaluation(e.id()), c.invitations(),
                c.answered(), c.web(), c.paper(), c.responsePercent(), links, !surveys.messages(e.id()).isEmpty());
    }

    /** The project's published and completed activities, latest first. */
    List<ActivityChoice> activityChoices(long projectId) {
        List<ActivityChoice> choices = new ArrayList<>(activities.activitiesOfProject(projectId).stream()
                .filter(a -> EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED).contains(a.status()))
                .map(a -> new ActivityChoice(a.id(), a.title(), a.firstSessionStart(), a.status())).toList());
        Collections.reverse(choices);
        return choices;
    }
}
