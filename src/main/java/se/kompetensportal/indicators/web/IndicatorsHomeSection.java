package se.kompetensportal.indicators.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.indicators.domain.IndicatorResult;
import se.kompetensportal.indicators.domain.IndicatorStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/**
 * The steering group's (and the secretary's) start page: the indicators at risk in the projects the user follows, from
 * the same (cached) dashboard the project's page shows, each opening that dashboard.
 */
@Component
@Order(15)
class IndicatorsHomeSection extends CardSection {

    private static final int SHOWN = 8;

    private final DashboardService dashboards;

    IndicatorsHomeSection(MessageSource messages, DashboardService dashboards) {
        super(messages, Role.STEERING, Role.SECRETARY);
        this.dashboards = dashboards;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        List<HomeCard.Item> items = new ArrayList<>();
        List<ProjectInfo> followed = dashboards.followedProjects(user);
        for (ProjectInfo p : followed) {
            for (IndicatorResult i : dashboards.dashboard(user, p.id(), null, null, locale).indicators()) {
                if (i.status() == IndicatorStatus.AT_RISK && items.size() < SHOWN) {
                    String year = i.current().year() == null ? "" : " · " + text(locale, "dashboard.inYear",
                            i.current().year());
                    items.add(new HomeCard.Item(i.name(), "/dashboard/projects/" + p.id(),
                            p.shortName() + " · " + i.subGoal() + year));
                }
            }
        }
        return new HomeCard(text(locale, "indicators.home.heading"), items, text(locale, "indicators.home.none"),
                followed.size() == 1 ? new HomeCard.Link(text(locale, "indicators.home.dashboard",
                        followed.getFirst().shortName()), "/dashboard/projects/" + followed.getFirst().id())
                        : new HomeCard.Link(text(locale, "layout.nav.dashboard"), "/dashboard"));
    }
}
