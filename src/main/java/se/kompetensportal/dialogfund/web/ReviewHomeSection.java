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

/** The steering group's start page: dialog-fund applications waiting for the user's review. */
@Component
@Order(61)
class ReviewHomeSection extends CardSection {

    private final FundHomeQueries queries;

    ReviewHomeSection(MessageSource messages, FundHomeQueries queries) {
        super(messages, Role.STEERING);
        this.queries = queries;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        var items = queries.toReview(user.id()).stream().map(c -> new HomeCard.Item(
                text(locale, "dialogfund.home.review", c.title()), "/review/dialog-fund/applications/" + c.id(),
                c.reference() + " · " + c.organisation())).toList();
        return new HomeCard(text(locale, "dialogfund.home.review.heading"), items,
                text(locale, "dialogfund.home.review.none"),
                new HomeCard.Link(text(locale, "dialogfund.home.review.all"), "/review/dialog-fund"));
    }
}
