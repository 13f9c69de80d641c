package se.kompetensportal.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;

/**
 * A start-page section that is one card ({@link HomeCard}) for signed-in users with one of the given roles, rendered
 * by the shared fragment {@code fragments/home :: card}. A module's card reads only that module's data, scoped to the
 * user's projects or organisation. Several cards share the model through the map {@code homeCards}, keyed by section.
 */
public abstract class CardSection implements HomeSection {

    private final MessageSource messages;
    private final Role[] roles;

    protected CardSection(MessageSource messages, Role... roles) {
        this.messages = messages;
        this.roles = roles;
    }

    @Override
    public boolean isFor(PortalUser user) {
        if (user == null) {
            return false;
        }
        for (Role role : roles) {
            if (user.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String template() {
        return "fragments/home";
    }

    @Override
    public String fragment() {
        return "card";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void addTo(Model model, Locale locale) {
        Map<HomeSection, HomeCard> cards = (Map<HomeSection, HomeCard>) model.asMap()
                .computeIfAbsent("homeCards", k -> new LinkedHashMap<HomeSection, HomeCard>());
        HomeCard card = card(CurrentUser.require(), locale);
        if (card != null) {
            cards.put(this, card);
        }
    }

    /** The card for this user, or {@code null} to show nothing (a card that only warns). */
    protected abstract HomeCard card(PortalUser user, Locale locale);

    protected String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
