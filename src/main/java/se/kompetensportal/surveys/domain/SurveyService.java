package se.kompetensportal.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's editing of mapping, follow-up and ad-hoc surveys: the project's list, creating one, its settings.
 * Recipients ({@link SurveyRecipients}), sending ({@link SurveySending}), texts ({@link SurveyTextsService}) and named
 * responses ({@link IdentifiedResponses}) have their own services. Everything is scoped to those who manage the
 * survey's project, checked on the acting user the controller passes in.
 */
@Service
@Transactional(readOnly = true)
public class SurveyService {

    public record SurveyRow(long id, SurveyKind kind, String title, boolean identified, EvaluationStatus status,
            Instant sentAt, LocalDate closesOn, long recipients, long responses, Double responsePercent) {
    }

    private final EvaluationStore evaluations;
    private final ResponseStore responses;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final TemplateService templates;
    private final SurveyTitles titles;
    private final SurveyViews views;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;

    SurveyService(EvaluationStore evaluations, ResponseStore responses, SurveyStore surveys, QuestionStore questions,
            TemplateService templates, SurveyTitles titles, SurveyViews views, ActivitiesApi activities,
            ProjectsApi projects) {
        this.evaluations = evaluations;
        this.responses = responses;
        this.surveys = surveys;
        this.questions = questions;
        this.templates = templates;
        this.titles = titles;
        this.views = views;
        this.activities = activities;
        this.projects = projects;
    }

    public List<SurveyRow> surveys(PortalUser user, long projectId, Locale locale) {
        Access.requireManage(user, projectId);
        List<Evaluation> list = evaluations.surveysOfProject(projectId);
        Map<Long, ResponseStore.Counts> counts = responses.countsOfProject(projectId);
        return list.stream().map(e -> {
            ResponseStore.Counts c = counts.getOrDefault(e.id(), new ResponseStore.Counts(0, 0, 0, 0));
            return new SurveyRow(e.id(), e.kind(), titles.title(e, locale), e.identified(), e.status(), e.sentAt(),
                    e.closesOn(), c.invitations(), c.responses(), c.responsePercent());
        }).toList();
    }

    /** Activities a follow-up may be about: the project's published and completed ones, latest first. */
    public List<ActivityChoice> followUpCandidates(PortalUser user, long projectId) {
        Access.requireManage(user, projectId);
        return views.activityChoices(projectId);
    }

    @Transactional
    public long create(PortalUser user, SurveyForm form) {
        long projectId = form.projectId();
        Access.requireManage(user, projectId);
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        SurveyKind kind = form.kind();
        if (kind == SurveyKind.COURSE_EVALUATION) {
            throw new FieldRejectedException("kind", "survey.kind.courseElsewhere");
        }
        long id;
        if (kind == SurveyKind.FOLLOW_UP) {
            if (form.activityId() == null) {
                throw new FieldRejectedException("activityId", "survey.activity.required");
            }
            if (form.followUpMonths() == null) {
                throw new FieldRejectedException("followUpMonths", "survey.followUpMonths.required");
            }
            ActivityInfo activity = activities.activity(form.activityId())
                    .filter(a -> a.projectId() == projectId)
                    .filter(a -> EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED).contains(a.status()))
                    .orElseThrow(() -> new FieldRejectedException("activityId", "survey.activity.invalid"));
            Long created = evaluations.insertFollowUpIfAbsent(projectId, activity.id(), activity.trackId(),
                    form.followUpMonths());
            if (created == null) {
                throw new FieldRejectedException("followUpMonths", "survey.followUp.exists");
            }
            id = created;
            if (form.identifiedChosen()) {
                evaluations.updateSettings(id, null, null, true, form.followUpMonths(), 0);
            }
        } else {
            String sv = form.titleSv() == null ? "" : form.titleSv().strip();
            if (sv.isEmpty()) {
                throw new FieldRejectedException("titleSv", "survey.title.required");
            }
            String en = form.titleEn() == null || form.titleEn().isBlank() ? sv : form.titleEn().strip();
            id = evaluations.insertSurvey(projectId, kind, null, null, sv, en, form.identifiedChosen(), null);
        }
        if (form.templateId() != null) {
            if (templates.kindOfTemplate(form.templateId(), projectId).filter(k -> k == kind).isEmpty()) {
                throw new FieldRejectedException("templateId", "survey.template.invalid");
            }
            questions.copy(form.templateId(), id);
        }
        return id;
    }

    /**
     * Creates a survey without a signed-in user (demo data): a mapping or ad-hoc survey with its titles, or the
     * follow-up of an activity; with the template's questions if one is given. Returns its id, or {@code null} for a
     * follow-up the activity already has.
     */
    @Transactional
    public Long createUnchecked(long projectId, SurveyKind kind, String titleSv, String titleEn, Long activityId,
            Integer followUpMonths, Long templateId) {
        Long id;
        if (kind == SurveyKind.FOLLOW_UP) {
            ActivityInfo activity = activities.activity(activityId).orElseThrow();
            id = evaluations.insertFollowUpIfAbsent(projectId, activityId, activity.trackId(), followUpMonths);
        } else {
            id = evaluations.insertSurvey(projectId, kind, null, null, titleSv, titleEn, false, null);
        }
        if (id != null && templateId != null) {
            questions.copy(templateId, id);
        }
        return id;
    }

    /** Creates the follow-up of a completed activity from the project's default follow-up template, if it has one. */
    @Transactional
    public Long createDefaultFollowUp(long activityId) {
        ActivityInfo activity = activities.activity(activityId).orElse(null);
        if (activity == null) {
            return null;
        }
        var template = templates.defaultTemplate(activity.projectId(), SurveyKind.FOLLOW_UP).orElse(null);
        if (template == null || template[1] <= 0) {
            return null;
        }
        Long id = evaluations.insertFollowUpIfAbsent(activity.projectId(), activity.id(), activity.trackId(),
                (int) template[1]);
        if (id != null) {
            questions.copy(template[0], id);
        }
        return id;
    }

    public SurveyView survey(PortalUser user, long id, Locale locale) {
        return views.view(views.managed(user, id), locale);
    }

    @Transactional
    public void updateSettings(PortalUser user, long id, SurveySettingsForm form) {
        Evaluation e = views.managed(user, id);
        SurveySending.requireDraft(e);
        String sv = e.titleSv();
        String en = e.titleEn();
        Integer months = e.followUpMonths();
        if (e.kind().chosenRecipients()) {
            sv = form.titleSv() == null ? "" : form.titleSv().strip();
            if (sv.isEmpty()) {
                throw new FieldRejectedException("titleSv", "survey.title.required");
            }
            en = form.titleEn() == null || form.titleEn().isBlank() ? sv : form.titleEn().strip();
        } else if (e.kind() == SurveyKind.FOLLOW_UP) {
            if (form.followUpMonths() == null) {
                throw new FieldRejectedException("followUpMonths", "survey.followUpMonths.required");
            }
            months = form.followUpMonths();
        }
        if (form.identifiedChosen() && !surveys.openLinks(id).isEmpty()) {
            throw new FieldRejectedException("identified", "survey.identified.openLinks");
        }
        try {
            evaluations.updateSettings(id, sv, en, form.identifiedChosen(), months, form.version());
        } catch (org.springframework.dao.DuplicateKeyException duplicate) {
            throw new FieldRejectedException("followUpMonths", "survey.followUp.exists");
        }
    }
}
