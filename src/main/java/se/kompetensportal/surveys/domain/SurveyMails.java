package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.participants.Attendee;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The invitation to answer a survey and its reminders, in the recipient's language (the link opens the form in it
 * too), through the outbox. A course evaluation without texts of its own gets the portal's evaluation mail; every
 * other survey, and an evaluation whose texts the secretary wrote, gets its text with the placeholders filled in,
 * followed by the personal link. Marked sensitive: the body holds a link that works without login.
 */
@Component
class SurveyMails {

    /** Whom a mail goes to. */
    record To(String email, String firstName, Locale locale) {

        static To of(Attendee a) {
            return new To(a.email(), a.firstName(), a.locale());
        }
    }

    private final Outbox outbox;
    private final PortalProperties portal;
    private final SurveyTexts texts;

    SurveyMails(Outbox outbox, PortalProperties portal, SurveyTexts texts) {
        this.outbox = outbox;
        this.portal = portal;
        this.texts = texts;
    }

    void invitation(Evaluation e, Attendee to, ActivityInfo activity, String token, LocalDate closesOn) {
        evaluation(e, To.of(to), activity, token, closesOn, SurveyTexts.Purpose.INVITATION);
    }

    void reminder(Evaluation e, Attendee to, ActivityInfo activity, String token, LocalDate closesOn) {
        evaluation(e, To.of(to), activity, token, closesOn, SurveyTexts.Purpose.REMINDER);
    }

    private void evaluation(Evaluation e, To to, ActivityInfo activity, String token, LocalDate closesOn,
            SurveyTexts.Purpose purpose) {
        String language = "en".equals(to.locale().getLanguage()) ? "en" : "sv";
        if (texts.saved(e.id(), purpose, language) != null) {
            survey(e, to, activity.title(), null, token, closesOn, purpose);
            return;
        }
        String template = purpose == SurveyTexts.Purpose.INVITATION ? "invitation" : "reminder";
        outbox.enqueue(OutgoingMail.to(to.email(), to.locale())
                .template("surveys/" + template)
                .subject("mail.evaluation." + template + ".subject", activity.title())
                .variable("name", to.firstName())
                .variable("title", activity.title())
                .variable("closesOn", closesOn)
                .variable("answerLink", answerLink(token, to.locale()))
                .project(activity.projectId())
                .category("surveys." + template)
                .sensitive()
                .build());
    }

    /** A survey's invitation or reminder with its text (the secretary's or the default for its kind). */
    void survey(Evaluation e, To to, String title, String projectName, String token, LocalDate closesOn,
            SurveyTexts.Purpose purpose) {
        SurveyTexts.Text text = texts.effective(e, purpose, to.locale());
        Map<String, String> values = values(to.firstName(), title, closesOn, projectName);
        outbox.enqueue(OutgoingMail.to(to.email(), to.locale())
                .template("surveys/custom")
                .subject("mail.survey.subject", SurveyTexts.fill(text.subject(), values))
                .variable("paragraphs", SurveyTexts.paragraphs(SurveyTexts.fill(text.body(), values)))
                .variable("identified", e.identified())
                .variable("closesOn", closesOn)
                .variable("answerLink", answerLink(token, to.locale()))
                .project(e.projectId())
                .category(purpose == SurveyTexts.Purpose.INVITATION ? "surveys.invitation" : "surveys.reminder")
                .sensitive()
                .build());
    }

    static Map<String, String> values(String name, String title, LocalDate closesOn, String projectName) {
        return Map.of("name", name == null ? "" : name, "survey", title == null ? "" : title,
                "closes", closesOn == null ? "" : closesOn.toString(), "project", projectName == null ? "" : projectName);
    }

    String answerLink(String token, Locale locale) {
        return portal.link("/evaluations/answer/" + token + ("en".equals(locale.getLanguage()) ? "?lang=en" : ""));
    }
}
