package se.kompetensportal.surveys.domain;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;

/** A survey's title as people see it: its own (mapping, ad hoc), or its activity's (evaluation, follow-up). */
@Component
class SurveyTitles {

    private final ActivitiesApi activities;
    private final MessageSource messages;

    SurveyTitles(ActivitiesApi activities, MessageSource messages) {
        this.activities = activities;
        this.messages = messages;
    }

    String title(Evaluation e, Locale locale) {
        if (e.activityId() == null) {
            return e.title(locale);
        }
        String activity = activities.activity(e.activityId()).map(ActivityInfo::title).orElse("");
        return e.kind() == SurveyKind.FOLLOW_UP
                ? messages.getMessage("survey.followUpTitle", new Object[] {activity, e.followUpMonths()}, locale)
                : activity;
    }
}
