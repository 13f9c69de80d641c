package se.kompetensportal.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The secretary's side of mapping, follow-up and ad-hoc surveys: creating them, their settings, recipients (from the
 * person register, an uploaded list, open links), texts, sending, and (for identified surveys) the named responses.
 * Everything is scoped to those who manage the survey's project.
 */
@Service
@Transactional(readOnly = true)
public class SurveyService {

    public record SurveyRow(long id, SurveyKind kind, String title, boolean identified, EvaluationStatus status,
            Instant sentAt, LocalDate closesOn, long recipients, long responses, Double responsePercent) {
    }

    public record OpenLinkRow(long id, String organisationName, String url, String accessCode) {
    }

    public record SurveyView(long id, long projectId, String projectName, SurveyKind kind, String title, String titleSv,
            String titleEn, boolean identified, Integer followUpMonths, Long activityId, String activityTitle,
            Instant sendDue, EvaluationStatus status, Instant sentAt, LocalDate closesOn, int remindersSent, long version,
            List<Question> questions, long recipients, long answered, long webResponses, long paperResponses,
            Double responsePercent, List<OpenLinkRow> links, boolean ownTexts) {

        public boolean draft() {
            return status == EvaluationStatus.DRAFT;
        }

        public boolean open() {
            return status == EvaluationStatus.OPEN;
        }

        public long responses() {
            return webResponses + paperResponses;
        }
    }

    public record RecipientRow(long invitationId, String name, String email, String organisation, String targetGroup,
            boolean fromList, boolean mailed, boolean answered) {
    }

    public record ActivityChoice(long id, String title, Instant start, ActivityStatus status) {
    }

    /** The recipients page: the survey, its recipients, and what they can be chosen by. */
    public record RecipientsView(SurveyView survey, List<RecipientRow> recipients, List<OrganisationInfo> actors,
            List<TargetGroupInfo> targetGroups, List<ActivityChoice> activities) {
    }

    /** The outcome of an upload: how many were added, or the problems of each row (nothing added). */
    public record ImportResult(int added, int matched, List<RecipientList.Problem> problems, int problemCount) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** One answer of a named response, for identified surveys. */
    public record NamedResponse(String name, String email, String organisation, LocalDate answeredOn,
            List<String> answers) {
    }

    public record NamedResponses(SurveyView survey, List<String> questions, List<NamedResponse> responses) {
    }

    /** The texts page: the form, the placeholders, and a preview of the texts with sample values. */
    public record TextsView(SurveyView survey, List<String> placeholders, Map<String, String> preview) {
    }

    private final EvaluationStore evaluations;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final TemplateService templates;
    private final SurveyInvitations invitations;
    private final SurveyTexts texts;
    private final SurveyTitles titles;
    private final PersonSelection people;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final PortalProperties portal;
    private final Validator validator;

    SurveyService(EvaluationStore evaluations, SurveyStore surveys, QuestionStore questions, TemplateService templates,
            SurveyInvitations invitations, SurveyTexts texts, SurveyTitles titles, PersonSelection people,
            ActivitiesApi activities, ProjectsApi projects, PortalProperties portal, Validator validator) {
        this.evaluations = evaluations;
        this.surveys = surveys;
        this.questions = questions;
        this.templates = templates;
        this.invitations = invitations;
        this.texts = texts;
        this.titles = titles;
        this.people = people;
        this.activities = activities;
        this.projects = projects;
        this.portal = portal;
        this.validator = validator;
    }

    public List<SurveyRow> surveys(long projectId, Locale locale) {
        CurrentUser.requireManage(projectId);
        List<Evaluation> list = evaluations.surveysOfProject(projectId);
        Map<Long, EvaluationStore.Counts> counts = evaluations.countsOfProject(projectId);
        return list.stream().map(e -> {
            EvaluationStore.Counts c = counts.getOrDefault(e.id(), new EvaluationStore.Counts(0, 0, 0, 0));
            return new SurveyRow(e.id(), e.kind(), titles.title(e, locale), e.identified(), e.status(), e.sentAt(),
                    e.closesOn(), c.invitations(), c.responses(), c.responsePercent());
        }).toList();
    }

    /** Activities a follow-up may be about: the project's published and completed ones, latest first. */
    public List<ActivityChoice> followUpCandidates(long projectId) {
        CurrentUser.requireManage(projectId);
        return activityChoices(projectId);
    }

    private List<ActivityChoice> activityChoices(long projectId) {
        List<ActivityChoice> choices = new ArrayList<>(activities.activitiesOfProject(projectId).stream()
                .filter(a -> EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED).contains(a.status()))
                .map(a -> new ActivityChoice(a.id(), a.title(), a.firstSessionStart(), a.status())).toList());
        java.util.Collections.reverse(choices);
        return choices;
    }

    /** Templates of the kind the new survey may start from. */
    public List<TemplateService.TemplateRow> templates(long projectId, SurveyKind kind) {
        CurrentUser.requireManage(projectId);
        return templates.templates(projectId, kind);
    }

    @Transactional
    public long create(SurveyForm form) {
        long projectId = form.projectId();
        CurrentUser.requireManage(projectId);
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

    public SurveyView survey(long id, Locale locale) {
        Evaluation e = managed(id);
        return view(e, locale);
    }

    private SurveyView view(Evaluation e, Locale locale) {
        EvaluationStore.Counts c = evaluations.counts(e.id());
        ActivityInfo activity = invitations.activity(e);
        List<OpenLinkRow> links = new ArrayList<>();
        Map<Long, String> actorNames = projects.actors(e.projectId()).stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        for (SurveyStore.OpenLink l : surveys.openLinks(e.id())) {
            links.add(new OpenLinkRow(l.id(), l.organisationId() == null ? null
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

    @Transactional
    public void updateSettings(long id, SurveySettingsForm form) {
        Evaluation e = managed(id);
        requireDraft(e);
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

    /** Sends a draft now: mails every recipient (a follow-up's: its activity's attendees). */
    @Transactional
    public int send(long id, LocalDate closesOn) {
        Evaluation e = evaluations.lock(id).orElseThrow(() -> new NotFoundException("Evaluation", id));
        CurrentUser.requireManage(e.projectId());
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
        if (evaluations.counts(id).invitations() == 0 && surveys.openLinks(id).isEmpty()) {
            throw new BusinessRuleException(e.kind() == SurveyKind.FOLLOW_UP ? "evaluation.error.noAttendees"
                    : "survey.error.noRecipients");
        }
        return invitations.send(e, closes);
    }

    // Recipients

    public RecipientsView recipients(long id, Locale locale) {
        Evaluation e = managed(id);
        List<EvaluationStore.Recipient> list = evaluations.recipients(id);
        Map<Long, PersonSelection.Contact> persons = people.contacts(list.stream().map(EvaluationStore.Recipient::personId)
                .filter(p -> p != null).toList());
        Map<Long, SurveyStore.Contact> contacts = surveys.contacts(list.stream().map(EvaluationStore.Recipient::contactId)
                .filter(p -> p != null).toList());
        Map<Long, String> organisations = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        List<TargetGroupInfo> groups = projects.targetGroups(e.projectId());
        Map<Long, String> groupNames = groups.stream().collect(Collectors.toMap(TargetGroupInfo::id, TargetGroupInfo::label));
        List<RecipientRow> rows = new ArrayList<>();
        for (EvaluationStore.Recipient r : list) {
            String name;
            String email;
            String organisation = r.organisationId() == null ? null : organisations.get(r.organisationId());
            if (r.personId() != null) {
                PersonSelection.Contact c = persons.get(r.personId());
                name = c == null ? null : c.firstName() + " " + c.lastName();
                email = c == null ? null : c.email();
            } else {
                SurveyStore.Contact c = contacts.get(r.contactId());
                name = c == null ? null : c.name();
                email = c == null ? null : c.email();
                if (organisation == null && c != null) {
                    organisation = c.employerName();
                }
            }
            rows.add(new RecipientRow(r.invitationId(), name, email, organisation,
                    r.targetGroupId() == null ? null : groupNames.get(r.targetGroupId()), r.contactId() != null,
                    r.mailed(), e.identified() && r.answered()));
        }
        return new RecipientsView(view(e, locale), rows, projects.actors(e.projectId()), groups,
                activityChoices(e.projectId()));
    }

    /** The actors of the survey's project (for open links and paper forms). */
    public List<OrganisationInfo> actors(long id) {
        return projects.actors(managed(id).projectId());
    }

    /** How people of the register are chosen. */
    public enum Criterion { ACTOR, TARGET_GROUP, PARTICIPATION }

    /**
     * Adds the people of the project's register who match any of the chosen actors, target groups or activities; those
     * already recipients are kept. An open survey mails the new ones at once. Returns how many were added.
     */
    @Transactional
    public int addFromRegister(long id, Criterion criterion, List<Long> chosen) {
        Evaluation e = forRecipients(id);
        if (chosen == null || chosen.isEmpty()) {
            throw new BusinessRuleException("survey.recipients.chooseSome");
        }
        Set<Long> allowed = switch (criterion) {
            case ACTOR -> projects.actors(e.projectId()).stream().map(OrganisationInfo::id).collect(Collectors.toSet());
            case TARGET_GROUP -> projects.targetGroups(e.projectId()).stream().map(TargetGroupInfo::id)
                    .collect(Collectors.toSet());
            case PARTICIPATION -> activities.activitiesOfProject(e.projectId()).stream().map(ActivityInfo::id)
                    .collect(Collectors.toSet());
        };
        if (!allowed.containsAll(chosen)) {
            throw new BusinessRuleException("survey.recipients.notInProject");
        }
        List<PersonSelection.Contact> found = switch (criterion) {
            case ACTOR -> people.employedBy(e.projectId(), chosen);
            case TARGET_GROUP -> people.inTargetGroups(e.projectId(), chosen);
            case PARTICIPATION -> people.attended(e.projectId(), chosen);
        };
        int added = 0;
        for (PersonSelection.Contact c : found) {
            if (evaluations.addRecipient(id, c.personId(), null, c.employerId(), c.targetGroupId()) != null) {
                added++;
            }
        }
        if (e.status() == EvaluationStatus.OPEN) {
            invitations.mailUnmailed(e);
        }
        return added;
    }

    /**
     * Adds the recipients of an uploaded list, all of them or none: every row is checked first, and any problem leaves
     * the survey as it was. An employer that names one of the project's actors counts the recipient's answers for it.
     */
    @Transactional
    public ImportResult importList(long id, byte[] content) {
        Evaluation e = forRecipients(id);
        RecipientList.Parsed parsed = RecipientList.read(content, surveys.contactEmails(id), validator);
        if (!parsed.valid()) {
            return new ImportResult(0, 0, parsed.problems(), parsed.problemCount());
        }
        Map<String, Long> actors = new HashMap<>();
        for (OrganisationInfo o : projects.actors(e.projectId())) {
            actors.put(o.name().strip().toLowerCase(Locale.ROOT), o.id());
            if (o.orgNumber() != null) {
                actors.put(o.orgNumber().replace("-", ""), o.id());
            }
        }
        int matched = 0;
        List<SurveyStore.NewContact> rows = new ArrayList<>();
        for (RecipientList.Row row : parsed.rows()) {
            Long organisation = row.employer() == null ? null
                    : actors.getOrDefault(row.employer().toLowerCase(Locale.ROOT),
                            actors.get(row.employer().replace("-", "")));
            matched += organisation == null ? 0 : 1;
            rows.add(new SurveyStore.NewContact(row.name().strip(), row.email().strip(), row.employer(), organisation));
        }
        try {
            surveys.insertContactsWithInvitations(id, rows);
        } catch (org.springframework.dao.DuplicateKeyException sameListAtOnce) {
            // Someone added the same addresses at the same moment: nothing of this upload is kept.
            throw new se.kompetensportal.shared.web.ConcurrentEditException("Evaluation", id);
        }
        if (e.status() == EvaluationStatus.OPEN) {
            invitations.mailUnmailed(e);
        }
        return new ImportResult(parsed.rows().size(), matched, List.of(), 0);
    }

    /** The largest list accepted, in megabytes. */
    public static long maxListMegabytes() {
        return RecipientList.MAX_BYTES / 1024 / 1024;
    }

    @Transactional
    public void removeRecipient(long id, long invitationId) {
        Evaluation e = managed(id);
        if (e.status() == EvaluationStatus.CLOSED) {
            throw new BusinessRuleException("survey.error.closed");
        }
        if (!evaluations.removeRecipient(id, invitationId)) {
            throw new BusinessRuleException("survey.recipients.cannotRemove");
        }
    }

    private Evaluation forRecipients(long id) {
        Evaluation e = managed(id);
        if (!e.kind().chosenRecipients()) {
            throw new BusinessRuleException("survey.recipients.fromActivity");
        }
        if (e.status() == EvaluationStatus.CLOSED) {
            throw new BusinessRuleException("survey.error.closed");
        }
        return e;
    }

    // Open links

    @Transactional
    public void addOpenLink(long id, Long organisationId, String accessCode) {
        Evaluation e = forRecipients(id);
        if (e.identified()) {
            throw new BusinessRuleException("survey.openLink.identified");
        }
        if (organisationId != null && projects.actors(e.projectId()).stream().noneMatch(o -> o.id() == organisationId)) {
            throw new BusinessRuleException("evaluation.error.organisation");
        }
        String code = accessCode == null || accessCode.isBlank() ? null : accessCode.strip();
        if (code != null && (code.length() < 4 || code.length() > 40)) {
            throw new FieldRejectedException("accessCode", "survey.openLink.codeLength");
        }
        if (!surveys.insertOpenLink(id, organisationId, Tokens.newToken(), code)) {
            throw new BusinessRuleException("survey.openLink.exists");
        }
    }

    @Transactional
    public void deleteOpenLink(long id, long linkId) {
        managed(id);
        if (!surveys.deleteOpenLink(id, linkId)) {
            throw new NotFoundException("OpenLink", linkId);
        }
    }

    // Texts

    public SurveyTextsForm textsForm(long id) {
        Evaluation e = managed(id);
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
    public TextsView texts(long id, SurveyTextsForm form, Locale locale) {
        Evaluation e = managed(id);
        Map<String, String> preview = new java.util.LinkedHashMap<>();
        String project = projects.project(e.projectId()).map(ProjectInfo::name).orElse("");
        for (String[] field : form.fields()) {
            Locale in = Locale.of(field[0].endsWith("En") ? "en" : "sv");
            Map<String, String> values = SurveyMails.values(sampleName(in), titles.title(e, in),
                    e.closesOn() != null ? e.closesOn() : invitations.defaultClosing(), project);
            preview.put(field[0], field[1] == null ? "" : SurveyTexts.fill(field[1], values));
        }
        return new TextsView(view(e, locale), SurveyTexts.PLACEHOLDERS, preview);
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
    public void saveTexts(long id, SurveyTextsForm form) {
        Evaluation e = managed(id);
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
    public void resetTexts(long id, long version) {
        managed(id);
        evaluations.touch(id, version);
        surveys.deleteMessages(id);
    }

    /** Where to go back to from the texts page: the evaluation's or the survey's page. */
    public String pageOf(long id) {
        Evaluation e = managed(id);
        return (e.kind() == SurveyKind.COURSE_EVALUATION ? "/admin/evaluations/" : "/admin/surveys/") + id;
    }

    // Identified responses

    /** Every response of an identified survey with the respondent's name, for the project's staff only. */
    public NamedResponses namedResponses(long id, Locale locale) {
        Evaluation e = managed(id);
        if (!e.identified()) {
            throw new NotFoundException("NamedResponses", id);
        }
        List<Question> asked = questions.ofEvaluation(id);
        List<NamedResponse> result = new ArrayList<>();
        Map<Long, String> organisations = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        List<Object[]> rows = evaluations.identifiedResponses(id);
        Map<Long, PersonSelection.Contact> persons = people.contacts(rows.stream().map(r -> (Long) r[2])
                .filter(p -> p != null).toList());
        Map<Long, SurveyStore.Contact> contacts = surveys.contacts(rows.stream().map(r -> (Long) r[3])
                .filter(p -> p != null).toList());
        Map<java.util.UUID, List<AnswerSheet.Value>> answers = evaluations.answersOfIdentified(id);
        for (Object[] r : rows) {
            java.util.UUID response = (java.util.UUID) r[0];
            String name = null;
            String email = null;
            if (r[2] != null && persons.containsKey((Long) r[2])) {
                PersonSelection.Contact c = persons.get((Long) r[2]);
                name = c.firstName() + " " + c.lastName();
                email = c.email();
            } else if (r[3] != null && contacts.containsKey((Long) r[3])) {
                name = contacts.get((Long) r[3]).name();
                email = contacts.get((Long) r[3]).email();
            }
            List<AnswerSheet.Value> values = answers.getOrDefault(response, List.of());
            result.add(new NamedResponse(name, email, r[4] == null ? null : organisations.get((Long) r[4]),
                    (LocalDate) r[1], asked.stream().map(q -> AnswerTexts.of(q, values, locale)).toList()));
        }
        return new NamedResponses(view(e, locale), asked.stream().map(q -> q.text(locale)).toList(), result);
    }

    private Evaluation managed(long id) {
        Evaluation e = evaluations.find(id).orElseThrow(() -> new NotFoundException("Evaluation", id));
        CurrentUser.requireManage(e.projectId());
        return e;
    }

    private static void requireDraft(Evaluation e) {
        if (e.status() != EvaluationStatus.DRAFT) {
            throw new BusinessRuleException("evaluation.error.alreadySent");
        }
    }

    static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
