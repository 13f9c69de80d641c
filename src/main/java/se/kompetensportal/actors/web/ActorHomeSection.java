package se.kompetensportal.actors.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.actors.domain.MyOrganisationService;
import se.kompetensportal.actors.domain.ProjectCard;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/**
 * The actor contact person's start page: per project their organisation takes part in, its staff who took part and
 * their hours, and whether the organisation's plan for further work is filed (a link to file it when it is not).
 */
@Component
@Order(60)
class ActorHomeSection extends CardSection {

    private final MyOrganisationService organisation;

    ActorHomeSection(MessageSource messages, MyOrganisationService organisation) {
        super(messages, Role.ACTOR_CONTACT);
        this.organisation = organisation;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        List<HomeCard.Item> items = new ArrayList<>();
        for (ProjectCard c : organisation.overview(user)) {
            long project = c.actor().project().id();
            String name = c.actor().project().shortName();
            items.add(new HomeCard.Item(text(locale, "actors.home.staff", name),
                    "/my-organisation/projects/" + project + "/participants",
                    text(locale, "actors.home.staff.detail", c.people(), c.wholeHours())));
            items.add(new HomeCard.Item(text(locale, c.planFiled() ? "actors.home.planFiled" : "actors.home.planMissing",
                    name), "/my-organisation/projects/" + project + "/plan", null));
        }
        return new HomeCard(text(locale, "actors.home.heading", organisation.organisation(user).name()), items,
                text(locale, "actors.home.none"), new HomeCard.Link(text(locale, "actors.nav"), "/my-organisation"));
    }
}
