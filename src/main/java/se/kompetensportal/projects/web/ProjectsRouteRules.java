package se.kompetensportal.projects.web;

import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * Projects and the organisation register are kept by administrators and secretaries. Which projects a secretary sees
 * is decided per project in {@code ProjectService}.
 */
@Component
@Order(20)
class ProjectsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/admin/projects", "/admin/projects/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name())
                .requestMatchers("/admin/organisations", "/admin/organisations/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }
}
