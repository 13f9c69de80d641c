package se.kompetensportal.actors.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * The actors' own pages ("Min organisation") are for actors' contact persons only, who see their own organisation
 * (checked in the services). The list of every actor's plan, and the plans themselves, are for administrators,
 * secretaries and the steering group (of the project, checked in the service), to read: there is nothing to change.
 */
@Component
@Order(45)
class ActorsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/my-organisation", "/my-organisation/**").hasRole(Role.ACTOR_CONTACT.name())
                .requestMatchers(HttpMethod.GET, "/admin/actor-plans", "/admin/actor-plans/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name(), Role.STEERING.name());
    }
}
