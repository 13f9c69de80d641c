package se.kompetensportal.surveys.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * A survey's own invitation and reminder texts (every kind, course evaluations included): the form, a preview with
 * sample values, unknown placeholders, saving and going back to the portal's texts. For those who manage the project.
 */
@Service
@Transactional(readOnly = true)
public class SurveyTextsService {

    /** The texts page: the form, the placeholders, and a preview of the texts with sample values. */
    public record TextsView(SurveyView survey, List<String> placeholders, Map<String, String> preview) {
    }

    private final EvaluationStore evaluations;
    private final SurveyStore surveys;
    private final SurveyTexts texts;
    private final SurveyTitles titles;
    private final SurveyInvitations invitations;
    private final SurveyViews views;
    private final ProjectsApi projects;

    SurveyTextsService(EvaluationStore evaluations, SurveyStore surveys, SurveyTexts texts, SurveyTitles titles,
            SurveyInvitations invitations, SurveyViews views, ProjectsApi projects) {
        this.evaluations = evaluations;
        this.surveys = surveys;
        this.texts = texts;
        this.titles = titles;
        this.invitations = invitations;
        this.views = views;
        this.projects = projects;
    }

    public SurveyTextsForm textsForm(PortalUser user, long id) {
        Evaluation e = views.managed(user, id);
        String[] values = new String[8];
        int i = 0;
        for (SurveyTexts.Purpose purpose : SurveyTexts.Purpose.values()) {
            for (String language : List.of("sv", "en")) {
                SurveyTexts.Text t = texts.saved(id, purpose, language);
                if (t == null) {
                    t = texts.defaults(e.kind(), purpose, language);
                }
                values[i++] = t.subject();
                values[i++] = t.body();
            }
        }
        return new SurveyTextsForm(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                e.version());
    }

    /** The survey and a preview of the form's texts, with sample values for the placeholders. */
    public TextsView texts(PortalUser user, long id, SurveyTextsForm form, Locale locale) {
        Evaluation e = views.managed(user, id);
        Map<String, String> preview = new LinkedHashMap<>();
        String project = projects.project(e.projectId()).map(ProjectInfo::name).orElse("");
        for (String[] field : form.fields()) {
            Locale in = Locale.of(field[0].endsWith("En") ? "en" : "sv");
            Map<String, String> values = SurveyMails.values(sampleName(in), titles.title(e, in),
                    e.closesOn() != null ? e.closesOn() : invitations.defaultClosing(), project);
            preview.put(field[0], field[1] == null ? "" : SurveyTexts.fill(field[1], values));
        }
        return new TextsView(views.view(e, locale), SurveyTexts.PLACEHOLDERS, preview);
    }

    private static String sampleName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "Alex" : "Anna";
    }

    /** The placeholders the form's texts use that do not exist, per field. */
    public List<FieldRejectedException> textProblems(SurveyTextsForm form) {
        List<FieldRejectedException> problems = new ArrayList<>();
        for (String[] field : form.fields()) {
            Set<String> unknown = SurveyTexts.unknownPlaceholders(field[1]);
            if (!unknown.isEmpty()) {
                problems.add(new FieldRejectedException(field[0], "survey.texts.unknownPlaceholder",
                        String.join(", ", unknown)));
            }
        }
        return problems;
    }

    @Transactional
    public void saveTexts(PortalUser user, long id, SurveyTextsForm form) {
        Evaluation e = views.managed(user, id);
        if (e.status() == EvaluationStatus.CLOSED) {
            throw new BusinessRuleException("survey.error.closed");
        }
        List<FieldRejectedException> problems = textProblems(form);
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        evaluations.touch(id, form.version());
        surveys.saveMessage(id, "INVITATION", "sv", form.invitationSubjectSv().strip(), form.invitationBodySv().strip());
        surveys.saveMessage(id, "INVITATION", "en", form.invitationSubjectEn().strip(), form.invitationBodyEn().strip());
        surveys.saveMessage(id, "REMINDER", "sv", form.reminderSubjectSv().strip(), form.reminderBodySv().strip());
        surveys.saveMessage(id, "REMINDER", "en", form.reminderSubjectEn().strip(), form.reminderBodyEn().strip());
    }

    /** Goes back to the portal's own texts. */
    @Transactional
    public void resetTexts(PortalUser user, long id, long version) {
        views.managed(user, id);
        evaluations.touch(id, version);
        surveys.deleteMessages(id);
    }

    /** Where to go back to from the texts page: the evaluation's or the survey's page. */
    public String pageOf(PortalUser user, long id) {
        Evaluation e = views.managed(user, id);
        return (e.kind() == SurveyKind.COURSE_EVALUATION ? "/admin/evaluations/" : "/admin/surveys/") + id;
    }
}
