package se.kompetensportal.notifications.web;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/** Administrators and secretaries read the outbox; which mails a secretary sees is decided by project. */
@Component
@Order(20)
class NotificationsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/admin/outbox", "/admin/outbox/**").hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }
}
