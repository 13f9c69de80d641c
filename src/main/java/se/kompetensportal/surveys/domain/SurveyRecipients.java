package se.kompetensportal.surveys.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Who a mapping or ad-hoc survey goes to: people of the register (by actor, target group or activity attended), an
 * uploaded list, and open links per actor. An open survey mails new recipients at once. For those who manage the
 * survey's project.
 */
@Service
@Transactional(readOnly = true)
public class SurveyRecipients {

    public record RecipientRow(long invitationId, String name, String email, String organisation, String targetGroup,
            boolean fromList, boolean mailed, boolean answered) {
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

    private final InvitationStore invitations;
    private final SurveyStore surveys;
    private final SurveyViews views;
    private final SurveyInvitations mails;
    private final PersonSelection people;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final Validator validator;

    SurveyRecipients(InvitationStore invitations, SurveyStore surveys, SurveyViews views, SurveyInvitations mails,
            PersonSelection people, ActivitiesApi activities, ProjectsApi projects, Validator validator) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.views = views;
        this.mails = mails;
        this.people = people;
        this.activities = activities;
        this.projects = projects;
        this.validator = validator;
    }

    // Recipients

    public RecipientsView recipients(PortalUser user, long id, Locale locale) {
        Evaluation e = views.managed(user, id);
        List<InvitationStore.Recipient> list = invitations.recipients(id);
        Map<Long, PersonSelection.Contact> persons = people.contacts(list.stream().map(InvitationStore.Recipient::personId)
                .filter(p -> p != null).toList());
        Map<Long, SurveyStore.Contact> contacts = surveys.contacts(list.stream().map(InvitationStore.Recipient::contactId)
                .filter(p -> p != null).toList());
        Map<Long, String> organisations = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        List<TargetGroupInfo> groups = projects.targetGroups(e.projectId());
        Map<Long, String> groupNames = groups.stream().collect(Collectors.toMap(TargetGroupInfo::id, TargetGroupInfo::label));
        List<RecipientRow> rows = new ArrayList<>();
        for (InvitationStore.Recipient r : list) {
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
        return new RecipientsView(views.view(e, locale), rows, projects.actors(e.projectId()), groups,
                views.activityChoices(e.projectId()));
    }

    /** The actors of the survey's project (for open links and paper forms). */
    public List<OrganisationInfo> actors(PortalUser user, long id) {
        return projects.actors(views.managed(user, id).projectId());
    }

    /** How people of the register are chosen. */
    public enum Criterion { ACTOR, TARGET_GROUP, PARTICIPATION }

    /**
     * Adds the people of the project's register who match any of the chosen actors, target groups or activities; those
     * already recipients are kept. An open survey mails the new ones at once. Returns how many were added.
     */
    @Transactional
    public int addFromRegister(PortalUser user, long id, Criterion criterion, List<Long> chosen) {
        Evaluation e = forRecipients(user, id);
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
            if (invitations.addRecipient(id, c.personId(), null, c.employerId(), c.targetGroupId()) != null) {
                added++;
            }
        }
        if (e.status() == EvaluationStatus.OPEN) {
            mails.mailUnmailed(e);
        }
        return added;
    }

    /**
     * Adds the recipients of an uploaded list, all of them or none: every row is checked first, and any problem leaves
     * the survey as it was. An employer that names one of the project's actors counts the recipient's answers for it.
     */
    @Transactional
    public ImportResult importList(PortalUser user, long id, byte[] content) {
        Evaluation e = forRecipients(user, id);
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
            mails.mailUnmailed(e);
        }
        return new ImportResult(parsed.rows().size(), matched, List.of(), 0);
    }

    /** The largest list accepted, in megabytes. */
    public static long maxListMegabytes() {
        return RecipientList.MAX_BYTES / 1024 / 1024;
    }

    @Transactional
    public void removeRecipient(PortalUser user, long id, long invitationId) {
        Evaluation e = views.managed(user, id);
        if (e.status() == EvaluationStatus.CLOSED) {
            throw new BusinessRuleException("survey.error.closed");
        }
        if (!invitations.removeRecipient(id, invitationId)) {
            throw new BusinessRuleException("survey.recipients.cannotRemove");
        }
    }

    private Evaluation forRecipients(PortalUser user, long id) {
        Evaluation e = views.managed(user, id);
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
    public void addOpenLink(PortalUser user, long id, Long organisationId, String accessCode) {
        Evaluation e = forRecipients(user, id);
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
    public void deleteOpenLink(PortalUser user, long id, long linkId) {
        views.managed(user, id);
        if (!surveys.deleteOpenLink(id, linkId)) {
            throw new NotFoundException("OpenLink", linkId);
        }
    }
}
