package se.kompetensportal.dialogfund.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.dialogfund.domain.FundHomeQueries;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/** The applicant's start page: their applications not yet carried out, with where each stands. */
@Component
@Order(70)
class ApplicantHomeSection extends CardSection {

    private final FundHomeQueries queries;

    ApplicantHomeSection(MessageSource messages, FundHomeQueries queries) {
        super(messages, Role.APPLICANT);
        this.queries = queries;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        var items = queries.mine(user.id()).stream().map(c -> new HomeCard.Item(
                c.title() == null ? text(locale, "dialogfund.home.untitled") : c.title(),
                "/dialog-fund/applications/" + c.id(),
                text(locale, "dialogfund.status." + c.what()) + (c.reference() == null ? "" : " · " + c.reference())
                        + (c.what().equals("GRANTED") && c.on() != null
                        ? " · " + text(locale, "dialogfund.home.reportDue", c.on().toString()) : ""))).toList();
        return new HomeCard(text(locale, "dialogfund.home.mine.heading"), items,
                text(locale, "dialogfund.home.mine.none"),
                new HomeCard.Link(text(locale, "dialogfund.home.mine.all"), "/dialog-fund/my"));
    }
}
