package se.kompetensportal.surveys.domain;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Evaluation templates of a project and the editing of questions, of templates and of evaluations not yet sent.
 * Everything is scoped to those who manage the project.
 */
@Service
@Transactional(readOnly = true)
public class TemplateService {

    public record TemplateRow(long id, String name, boolean isDefault, int questions, SurveyKind kind,
            Integer followUpMonths) {
    }

    public record TemplateView(long id, long projectId, String projectName, String name, boolean isDefault,
            List<Question> questions, SurveyKind kind, Integer followUpMonths) {
    }

    /** Where a question lives, to return to it after an edit. */
    public record QuestionEdit(long questionId, String backUrl, QuestionForm form) {
    }

    private final JdbcTemplate jdbc;
    private final QuestionStore questions;
    private final EvaluationStore evaluations;
    private final ResponseStore responses;
    private final ProjectsApi projects;

    TemplateService(JdbcTemplate jdbc, QuestionStore questions, EvaluationStore evaluations, ResponseStore responses,
            ProjectsApi projects) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.evaluations = evaluations;
        this.responses = responses;
        this.projects = projects;
    }

    public List<TemplateRow> templates(PortalUser user, long projectId) {
        Access.requireManage(user, projectId);
        return jdbc.query("""
                select t.id, t.name, t.is_default, (select count(*) from survey_question q where q.template_id = t.id),
                       t.kind, t.follow_up_months
                from evaluation_template t where t.project_id = ? order by t.kind, t.is_default desc, t.name""",
                (rs, i) -> new TemplateRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        SurveyKind.valueOf(rs.getString(5)), (Integer) rs.getObject(6)), projectId);
    }

    @Transactional
    public long create(PortalUser user, long projectId, String name) {
        return create(user, projectId, name, SurveyKind.COURSE_EVALUATION, null);
    }

    @Transactional
    public long create(PortalUser user, long projectId, String name, SurveyKind kind, Integer followUpMonths) {
        Access.requireManage(user, projectId);
        if (kind == SurveyKind.FOLLOW_UP && followUpMonths == null) {
            throw new se.kompetensportal.shared.web.FieldRejectedException("followUpMonths", "survey.followUpMonths.required");
        }
        return insert(projectId, name, kind, kind == SurveyKind.FOLLOW_UP ? followUpMonths : null);
    }

    /** Creates a course evaluation template (the project's default if it has none); unscoped, for demo data. */
    @Transactional
    public long insert(long projectId, String name) {
        return insert(projectId, name, SurveyKind.COURSE_EVALUATION, null);
    }

    /** Creates a template of the kind (the project's default of the kind if it has none); unscoped, for demo data. */
    @Transactional
    public long insert(long projectId, String name, SurveyKind kind, Integer followUpMonths) {
        long id = questions.nextId();
        jdbc.update("""
                insert into evaluation_template (id, project_id, name, kind, follow_up_months, is_default)
                values (?, ?, ?, ?, ?, not exists (select 1 from evaluation_template
                                                   where project_id = ? and kind = ? and is_default))""",
                id, projectId, name.strip(), kind.name(), followUpMonths, projectId, kind.name());
        return id;
    }

    public TemplateView template(PortalUser user, long templateId) {
        long projectId = projectOfTemplate(templateId);
        Access.requireManage(user, projectId);
        return jdbc.queryForObject("select id, name, is_default, kind, follow_up_months from evaluation_template where id = ?",
                (rs, i) -> new TemplateView(rs.getLong(1), projectId,
                        projects.project(projectId).map(ProjectInfo::shortName).orElse(""), rs.getString(2),
                        rs.getBoolean(3), questions.ofTemplate(templateId), SurveyKind.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5)), templateId);
    }

    @Transactional
    public void makeDefault(PortalUser user, long templateId) {
        long projectId = projectOfTemplate(templateId);
        Access.requireManage(user, projectId);
        jdbc.update("""
                update evaluation_template set is_default = false where project_id = ? and is_default
                and kind = (select kind from evaluation_template where id = ?)""", projectId, templateId);
        jdbc.update("update evaluation_template set is_default = true where id = ?", templateId);
    }

    @Transactional
    public long addToTemplate(PortalUser user, long templateId, QuestionForm form) {
        long projectId = projectOfTemplate(templateId);
        Access.requireManage(user, projectId);
        return questions.insert(templateId, null, Questions.from(form, 0, questions.nextPosition(templateId, null),
                items(projectId, form)));
    }

    /** Adds a question to a template without a signed-in user (demo data). */
    @Transactional
    public long addUnchecked(long templateId, Question question) {
        return questions.insert(templateId, null, question);
    }

    @Transactional
    public long addToEvaluation(PortalUser user, long evaluationId, QuestionForm form) {
        Evaluation e = draftForEditing(user, evaluationId);
        return questions.insert(null, evaluationId, Questions.from(form, 0, questions.nextPosition(null, evaluationId),
                items(e.projectId(), form)));
    }

    /** The project's tracks or target groups when the form asks for them as options. */
    private Questions.ProjectItems items(long projectId, QuestionForm form) {
        if (Question.TRACK.equals(form.optionSource())) {
            var tracks = projects.tracks(projectId);
            List<String> names = tracks.stream().map(t -> t.name()).toList();
            return new Questions.ProjectItems(names, names, tracks.stream().map(t -> t.id()).toList());
        }
        if (Question.TARGET_GROUP.equals(form.optionSource())) {
            var groups = projects.targetGroups(projectId);
            List<String> names = groups.stream().map(g -> g.label()).toList();
            return new Questions.ProjectItems(names, names, groups.stream().map(g -> g.id()).toList());
        }
        return null;
    }

    public QuestionEdit question(PortalUser user, long questionId) {
        QuestionStore.Owned owned = owned(user, questionId);
        return new QuestionEdit(questionId, backUrl(owned), QuestionForm.of(owned.question()));
    }

    @Transactional
    public String updateQuestion(PortalUser user, long questionId, QuestionForm form) {
        QuestionStore.Owned owned = owned(user, questionId);
        long projectId = owned.templateId() != null ? projectOfTemplate(owned.templateId())
                : evaluations.find(owned.evaluationId()).orElseThrow().projectId();
        questions.update(Questions.from(form, questionId, owned.question().position(), items(projectId, form)));
        return backUrl(owned);
    }

    @Transactional
    public String deleteQuestion(PortalUser user, long questionId) {
        QuestionStore.Owned owned = owned(user, questionId);
        questions.delete(questionId);
        return backUrl(owned);
    }

    /** The question, once the user is allowed to change it (a template's, or an evaluation's before it is sent). */
    private QuestionStore.Owned owned(PortalUser user, long questionId) {
        QuestionStore.Owned owned = questions.find(questionId).orElseThrow(() -> new NotFoundException("Question", questionId));
        if (owned.templateId() != null) {
            Access.requireManage(user, projectOfTemplate(owned.templateId()));
        } else {
            draftForEditing(user, owned.evaluationId());
        }
        return owned;
    }

    private Evaluation draftForEditing(PortalUser user, long evaluationId) {
        Evaluation evaluation = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        Access.requireManage(user, evaluation.projectId());
        if (evaluation.status() != EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.alreadySent");
        }
        if (responses.counts(evaluationId).responses() > 0) {
            throw new BusinessRuleException("evaluation.error.hasAnswers");
        }
        return evaluation;
    }

    private String backUrl(QuestionStore.Owned owned) {
        if (owned.templateId() != null) {
            return "/admin/evaluations/templates/" + owned.templateId();
        }
        boolean course = evaluations.find(owned.evaluationId()).map(e -> e.kind() == SurveyKind.COURSE_EVALUATION)
                .orElse(true);
        return (course ? "/admin/evaluations/" : "/admin/surveys/") + owned.evaluationId();
    }

    private long projectOfTemplate(long templateId) {
        return jdbc.query("select project_id from evaluation_template where id = ?", (rs, i) -> rs.getLong(1), templateId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    /** The project's default course evaluation template, if it has one. */
    Long defaultTemplate(long projectId) {
        return jdbc.query("select id from evaluation_template where project_id = ? and is_default and kind = 'COURSE_EVALUATION'",
                (rs, i) -> rs.getLong(1), projectId).stream().findFirst().orElse(null);
    }

    /** The project's default template of the kind, with its follow-up delay: [id, months]. */
    java.util.Optional<long[]> defaultTemplate(long projectId, SurveyKind kind) {
        return jdbc.query("""
                select id, coalesce(follow_up_months, 0) from evaluation_template
                where project_id = ? and is_default and kind = ?""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, projectId, kind.name()).stream().findFirst();
    }

    /** The template's project and kind, for copying its questions into a survey of the same kind. */
    java.util.Optional<SurveyKind> kindOfTemplate(long templateId, long projectId) {
        return jdbc.query("select kind from evaluation_template where id = ? and project_id = ?",
                (rs, i) -> SurveyKind.valueOf(rs.getString(1)), templateId, projectId).stream().findFirst();
    }
}
