package se.kompetensportal.surveys.domain;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.participants.Attendee;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The invitation to answer an evaluation and its reminders, in the participant's language (the link opens the form in
 * it too), through the outbox. Marked sensitive: the body holds a link that works without login.
 */
@Component
class SurveyMails {

    private final Outbox outbox;
    private final PortalProperties portal;

    SurveyMails(Outbox outbox, PortalProperties portal) {
        this.outbox = outbox;
        this.portal = portal;
    }

    void invitation(Attendee to, ActivityInfo activity, String token, LocalDate closesOn) {
        send(to, activity, token, closesOn, "invitation", "mail.evaluation.invitation.subject");
    }

    void reminder(Attendee to, ActivityInfo activity, String token, LocalDate closesOn) {
        send(to, activity, token, closesOn, "reminder", "mail.evaluation.reminder.subject");
    }

    private void send(Attendee to, ActivityInfo activity, String token, LocalDate closesOn, String template,
            String subject) {
        outbox.enqueue(OutgoingMail.to(to.email(), to.locale())
                .template("surveys/" + template)
                .subject(subject, activity.title())
                .variable("name", to.firstName())
                .variable("title", activity.title())
                .variable("closesOn", closesOn)
                .variable("answerLink", portal.link("/evaluations/answer/" + token
                        + ("en".equals(to.locale().getLanguage()) ? "?lang=en" : "")))
                .project(activity.projectId())
                .category("surveys." + template)
                .sensitive()
                .build());
    }
}
