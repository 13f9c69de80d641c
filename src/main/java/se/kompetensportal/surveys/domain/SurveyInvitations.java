package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;

/**
 * Sends mapping, follow-up and ad-hoc surveys: each recipient gets a personal link (only its hash is kept) in a mail
 * with the survey's invitation text; those who have not answered are reminded up to twice. A follow-up's recipients
 * are its activity's attendees, added when it is sent. Runs inside the caller's transaction, so mails are queued
 * together with the links.
 */
@Component
class SurveyInvitations {

    private final EvaluationStore evaluations;
    private final InvitationStore invitationStore;
    private final SurveyStore surveys;
    private final PersonSelection people;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final SurveyTitles titles;
    private final SurveyMails mails;
    private final Clock clock;
    private final Period openFor;
    private final Duration reminderInterval;

    SurveyInvitations(EvaluationStore evaluations, InvitationStore invitationStore, SurveyStore surveys,
            PersonSelection people, ActivitiesApi activities, ProjectsApi projects, SurveyTitles titles,
            SurveyMails mails, Clock clock,
            @Value("${kp.surveys.open-for:P14D}") Period openFor,
            @Value("${kp.surveys.reminder-interval:P4D}") Duration reminderInterval) {
        this.evaluations = evaluations;
        this.invitationStore = invitationStore;
        this.surveys = surveys;
        this.people = people;
        this.activities = activities;
        this.projects = projects;
        this.titles = titles;
        this.mails = mails;
        this.clock = clock;
        this.openFor = openFor;
        this.reminderInterval = reminderInterval;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /** The closing date a survey gets when none is chosen. */
    LocalDate defaultClosing() {
        return today().plus(openFor);
    }

    /** When a follow-up is due: so many months after its activity's last session (Swedish time). */
    Instant followUpDue(Evaluation e, ActivityInfo activity) {
        if (activity == null || activity.lastSessionEnd() == null || e.followUpMonths() == null) {
            return null;
        }
        return activity.lastSessionEnd().atZone(Formats.ZONE).plusMonths(e.followUpMonths()).toInstant();
    }

    /** Adds the follow-up's activity's attendees as recipients (those already there are kept); returns how many. */
    int addAttendees(Evaluation e) {
        int added = 0;
        for (PersonSelection.Contact c : people.attended(e.projectId(), List.of(e.activityId()))) {
            if (invitationStore.addRecipient(e.id(), c.personId(), null, c.employerId(), c.targetGroupId()) != null) {
                added++;
            }
        }
        return added;
    }

    /** Opens a draft until {@code closesOn} and mails every recipient; returns how many mails were queued. */
    int send(Evaluation e, LocalDate closesOn) {
        if (e.kind() == SurveyKind.FOLLOW_UP) {
            addAttendees(e);
        }
        evaluations.markSent(e.id(), clock.instant(), closesOn);
        Evaluation sent = evaluations.find(e.id()).orElseThrow();
        return mailUnmailed(sent);
    }

    /** Mails those recipients of an open survey who have not had their invitation yet. */
    int mailUnmailed(Evaluation e) {
        return mail(e, invitationStore.unmailed(e.id()), SurveyTexts.Purpose.INVITATION);
    }

    /** Reminds those who have not answered, when the interval since the last mail has passed; at most twice. */
    int remindIfDue(Evaluation e) {
        Instant now = clock.instant();
        Instant last = e.lastReminderAt() != null ? e.lastReminderAt() : e.sentAt();
        if (e.remindersSent() >= Invitations.MAX_REMINDERS || last == null || now.isBefore(last.plus(reminderInterval))
                || !e.acceptsAnswers(today())) {
            return 0;
        }
        int sent = mail(e, invitationStore.waiting(e.id()), SurveyTexts.Purpose.REMINDER);
        evaluations.markReminded(e.id(), now);
        return sent;
    }

    private int mail(Evaluation e, List<InvitationStore.Recipient> recipients, SurveyTexts.Purpose purpose) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Map<Long, PersonSelection.Contact> persons = people.contacts(recipients.stream()
                .map(InvitationStore.Recipient::personId).filter(id -> id != null).toList());
        Map<Long, SurveyStore.Contact> contacts = surveys.contacts(recipients.stream()
                .map(InvitationStore.Recipient::contactId).filter(id -> id != null).toList());
        String projectName = projects.project(e.projectId()).map(ProjectInfo::name).orElse("");
        Map<String, String> titleIn = new java.util.HashMap<>();
        int sent = 0;
        for (InvitationStore.Recipient r : recipients) {
            SurveyMails.To to = null;
            if (r.personId() != null && persons.containsKey(r.personId())) {
                PersonSelection.Contact c = persons.get(r.personId());
                to = new SurveyMails.To(c.email(), c.firstName(), c.locale());
            } else if (r.contactId() != null && contacts.containsKey(r.contactId())
                    && contacts.get(r.contactId()).email() != null) {
                SurveyStore.Contact c = contacts.get(r.contactId());
                to = new SurveyMails.To(c.email(), firstName(c.name()), c.locale());
            }
            if (to == null) {
                continue;
            }
            String token = Tokens.newToken();
            invitationStore.addLink(r.invitationId(), Tokens.hash(token));
            String title = titleIn.computeIfAbsent(to.locale().getLanguage(), l -> titles.title(e, java.util.Locale.of(l)));
            mails.survey(e, to, title, projectName, token, e.closesOn(), purpose);
            sent++;
        }
        return sent;
    }

    /** Whether the follow-up's activity can still be followed up (not cancelled, not a draft). */
    boolean activityHeld(ActivityInfo activity) {
        return activity != null && activity.status() != ActivityStatus.CANCELLED && activity.status() != ActivityStatus.DRAFT;
    }

    ActivityInfo activity(Evaluation e) {
        return e.activityId() == null ? null : activities.activity(e.activityId()).orElse(null);
    }

    private static String firstName(String name) {
        if (name == null) {
            return "";
        }
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
