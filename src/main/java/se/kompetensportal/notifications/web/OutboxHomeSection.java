package se.kompetensportal.notifications.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/**
 * The secretary's start page: mails the server refused for good, of the user's projects (an administrator: all), each
 * opening the mail in the outbox where it can be sent again. Shown only when there is such a mail.
 */
@Component
@Order(80)
class OutboxHomeSection extends CardSection {

    private final NamedParameterJdbcTemplate jdbc;

    OutboxHomeSection(MessageSource messages, NamedParameterJdbcTemplate jdbc) {
        super(messages, Role.SECRETARY, Role.ADMIN);
        this.jdbc = jdbc;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        List<HomeCard.Item> items = List.of();
        if (user.isAdmin() || !user.projectIds().isEmpty()) {
            String scope = user.isAdmin() ? "" : " and project_id in (:projects)";
            items = jdbc.query("select id, recipient, subject, created_at from outbox_message where status = 'FAILED'"
                            + scope + " order by created_at desc limit 5",
                    new MapSqlParameterSource("projects", user.projectIds()),
                    (rs, i) -> new HomeCard.Item(text(locale, "outbox.home.failed", rs.getString(3)),
                            "/admin/outbox/" + rs.getLong(1), rs.getString(2)));
        }
        if (items.isEmpty()) {
            return null;
        }
        return new HomeCard(text(locale, "outbox.home.heading"), items, "",
                new HomeCard.Link(text(locale, "layout.nav.outbox"), "/admin/outbox?status=FAILED"));
    }
}
