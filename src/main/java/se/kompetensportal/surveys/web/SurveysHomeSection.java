package se.kompetensportal.surveys.web;

import java.util.Collection;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;
import se.kompetensportal.surveys.domain.SurveyHomeQueries;

/** The secretary's start page: evaluations and surveys closing within a week, with their answers so far. */
@Component
@Order(40)
class SurveysHomeSection extends CardSection {

    private final SurveyHomeQueries surveys;
    private final ProjectsApi projects;

    SurveysHomeSection(MessageSource messages, SurveyHomeQueries surveys, ProjectsApi projects) {
        super(messages, Role.SECRETARY, Role.ADMIN);
        this.surveys = surveys;
        this.projects = projects;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        Collection<Long> scope = projects.managedProjectIds(user);
        var items = surveys.closing(scope).stream().map(s -> new HomeCard.Item(s.title(), s.path(),
                text(locale, "surveys.home.closing.detail", s.closesOn().toString(), s.answered(), s.invited())))
                .toList();
        return new HomeCard(text(locale, "surveys.home.closing.heading"), items,
                text(locale, "surveys.home.closing.none"),
                new HomeCard.Link(text(locale, "surveys.home.closing.all"), "/admin/evaluations"));
    }
}
