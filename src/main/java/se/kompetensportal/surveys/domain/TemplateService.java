package se.kompetensportal.surveys.domain;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Evaluation templates of a project and the editing of questions, of templates and of evaluations not yet sent.
 * Everything is scoped to those who manage the project.
 */
@Service
@Transactional(readOnly = true)
public class TemplateService {

    public record TemplateRow(long id, String name, boolean isDefault, int questions) {
    }

    public record TemplateView(long id, long projectId, String projectName, String name, boolean isDefault,
            List<Question> questions) {
    }

    /** Where a question lives, to return to it after an edit. */
    public record QuestionEdit(long questionId, String backUrl, QuestionForm form) {
    }

    private final JdbcTemplate jdbc;
    private final QuestionStore questions;
    private final EvaluationStore evaluations;
    private final ProjectsApi projects;

    TemplateService(JdbcTemplate jdbc, QuestionStore questions, EvaluationStore evaluations, ProjectsApi projects) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.evaluations = evaluations;
        this.projects = projects;
    }

    public List<TemplateRow> templates(long projectId) {
        CurrentUser.requireManage(projectId);
        return jdbc.query("""
                select t.id, t.name, t.is_default, (select count(*) from survey_question q where q.template_id = t.id)
                from evaluation_template t where t.project_id = ? order by t.is_default desc, t.name""",
                (rs, i) -> new TemplateRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)), projectId);
    }

    @Transactional
    public long create(long projectId, String name) {
        CurrentUser.requireManage(projectId);
        return insert(projectId, name);
    }

    /** Creates a template (the project's default if it has none); unscoped, for demo data. */
    @Transactional
    public long insert(long projectId, String name) {
        long id = questions.nextId();
        jdbc.update("""
                insert into evaluation_template (id, project_id, name, is_default)
                values (?, ?, ?, not exists (select 1 from evaluation_template where project_id = ? and is_default))""",
                id, projectId, name.strip(), projectId);
        return id;
    }

    public TemplateView template(long templateId) {
        long projectId = projectOfTemplate(templateId);
        CurrentUser.requireManage(projectId);
        return jdbc.queryForObject("select id, name, is_default from evaluation_template where id = ?",
                (rs, i) -> new TemplateView(rs.getLong(1), projectId,
                        projects.project(projectId).map(ProjectInfo::shortName).orElse(""), rs.getString(2),
                        rs.getBoolean(3), questions.ofTemplate(templateId)), templateId);
    }

    @Transactional
    public void makeDefault(long templateId) {
        long projectId = projectOfTemplate(templateId);
        CurrentUser.requireManage(projectId);
        jdbc.update("update evaluation_template set is_default = false where project_id = ? and is_default", projectId);
        jdbc.update("update evaluation_template set is_default = true where id = ?", templateId);
    }

    @Transactional
    public long addToTemplate(long templateId, QuestionForm form) {
        CurrentUser.requireManage(projectOfTemplate(templateId));
        return questions.insert(templateId, null, Questions.from(form, 0, questions.nextPosition(templateId, null)));
    }

    /** Adds a question to a template without a signed-in user (demo data). */
    @Transactional
    public long addUnchecked(long templateId, Question question) {
        return questions.insert(templateId, null, question);
    }

    @Transactional
    public long addToEvaluation(long evaluationId, QuestionForm form) {
        draftForEditing(evaluationId);
        return questions.insert(null, evaluationId, Questions.from(form, 0, questions.nextPosition(null, evaluationId)));
    }

    public QuestionEdit question(long questionId) {
        QuestionStore.Owned owned = owned(questionId);
        return new QuestionEdit(questionId, backUrl(owned), QuestionForm.of(owned.question()));
    }

    @Transactional
    public String updateQuestion(long questionId, QuestionForm form) {
        QuestionStore.Owned owned = owned(questionId);
        questions.update(Questions.from(form, questionId, owned.question().position()));
        return backUrl(owned);
    }

    @Transactional
    public String deleteQuestion(long questionId) {
        QuestionStore.Owned owned = owned(questionId);
        questions.delete(questionId);
        return backUrl(owned);
    }

    /** The question, once the user is allowed to change it (a template's, or an evaluation's before it is sent). */
    private QuestionStore.Owned owned(long questionId) {
        QuestionStore.Owned owned = questions.find(questionId).orElseThrow(() -> new NotFoundException("Question", questionId));
        if (owned.templateId() != null) {
            CurrentUser.requireManage(projectOfTemplate(owned.templateId()));
        } else {
            draftForEditing(owned.evaluationId());
        }
        return owned;
    }

    private void draftForEditing(long evaluationId) {
        Evaluation evaluation = evaluations.find(evaluationId).orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        CurrentUser.requireManage(evaluation.projectId());
        if (evaluation.status() != EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.alreadySent");
        }
        if (evaluations.counts(evaluationId).responses() > 0) {
            throw new BusinessRuleException("evaluation.error.hasAnswers");
        }
    }

    private static String backUrl(QuestionStore.Owned owned) {
        return owned.templateId() != null ? "/admin/evaluations/templates/" + owned.templateId()
                : "/admin/evaluations/" + owned.evaluationId();
    }

    private long projectOfTemplate(long templateId) {
        return jdbc.query("select project_id from evaluation_template where id = ?", (rs, i) -> rs.getLong(1), templateId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Template", templateId));
    }

    /** The project's default template, if it has one. */
    Long defaultTemplate(long projectId) {
        return jdbc.query("select id from evaluation_template where project_id = ? and is_default", (rs, i) -> rs.getLong(1),
                projectId).stream().findFirst().orElse(null);
    }
}
