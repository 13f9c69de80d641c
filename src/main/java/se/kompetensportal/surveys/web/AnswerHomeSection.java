package se.kompetensportal.surveys.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;
import se.kompetensportal.surveys.domain.SurveyHomeQueries;

/** The participant's start page: the evaluations still to answer, each opening the answer form. */
@Component
@Order(31)
class AnswerHomeSection extends CardSection {

    private final SurveyHomeQueries surveys;

    AnswerHomeSection(MessageSource messages, SurveyHomeQueries surveys) {
        super(messages, Role.PARTICIPANT);
        this.surveys = surveys;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        var items = surveys.toAnswer(user).stream().map(s -> new HomeCard.Item(text(locale, "surveys.home.answer",
                s.title()),
                s.path(), text(locale, "surveys.home.answer.detail", s.closesOn().toString()))).toList();
        return new HomeCard(text(locale, "surveys.home.answer.heading"), items,
                text(locale, "surveys.home.answer.none"), null);
    }
}
