package se.kompetensportal.dialogfund.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.dialogfund.domain.FundHomeQueries;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/** The secretary's start page: dialog-fund applications to decide, final reports to approve or due. */
@Component
@Order(50)
class FundHomeSection extends CardSection {

    private final FundHomeQueries queries;
    private final ProjectsApi projects;

    FundHomeSection(MessageSource messages, FundHomeQueries queries, ProjectsApi projects) {
        super(messages, Role.SECRETARY, Role.ADMIN);
        this.queries = queries;
        this.projects = projects;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        Collection<Long> scope = projects.managedProjectIds(user);
        List<HomeCard.Item> items = new ArrayList<>();
        for (var c : queries.toDecide(scope)) {
            items.add(item(c, locale, "dialogfund.home.decide"));
        }
        for (var c : queries.reports(scope)) {
            items.add(item(c, locale, "dialogfund.home." + c.what()));
        }
        return new HomeCard(text(locale, "dialogfund.home.staff.heading"), items,
                text(locale, "dialogfund.home.staff.none"),
                new HomeCard.Link(text(locale, "dialogfund.nav.staff"), "/admin/dialog-fund"));
    }

    private HomeCard.Item item(FundHomeQueries.Case c, Locale locale, String key) {
        return new HomeCard.Item(text(locale, key, c.title() == null ? c.reference() : c.title()),
                "/admin/dialog-fund/applications/" + c.id(),
                c.reference() + " · " + c.organisation() + (c.on() == null ? "" : " · " + c.on()));
    }
}
