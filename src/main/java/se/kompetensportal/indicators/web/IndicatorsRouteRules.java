package se.kompetensportal.indicators.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * The dashboards are for the steering group, the secretaries and administrators (the services check that the user
 * follows the project); the progress report, the indicator definitions and the collaboration register are for the
 * project's secretaries and administrators (the services check that the user manages the project), except that the
 * steering group reads the collaboration register.
 */
@Component
@Order(70)
class IndicatorsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String[] staff = {Role.ADMIN.name(), Role.SECRETARY.name()};
        rules.requestMatchers("/dashboard/projects/{id}/progress-report", "/dashboard/projects/{id}/progress-report/**",
                        "/dashboard/projects/{id}/progress-report.pdf").hasAnyRole(staff)
                .requestMatchers("/dashboard", "/dashboard/projects/{id}", "/dashboard/projects/{id}/export.pdf",
                        "/dashboard/projects/{id}/export.xlsx")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name(), Role.STEERING.name())
                // The steering group reads the collaboration register (the list); forms and changes are the staff's.
                .requestMatchers(HttpMethod.GET, "/admin/collaboration-projects")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name(), Role.STEERING.name())
                .requestMatchers("/admin/indicators", "/admin/indicators/**", "/admin/collaboration-projects",
                        "/admin/collaboration-projects/**").hasAnyRole(staff);
    }
}
