package se.kompetensportal.activities.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * The catalogue, activity pages, calendars and the print view of the catalogue are public (GET only); its PDF, which
 * takes seconds of work for a long period, is made for the staff who print it. Only the paths named here are opened,
 * so that other modules can add their own rules below {@code /activities/{id}/} (the sign-up).
 * Activities are kept by administrators and secretaries; which projects a secretary may touch is decided per activity
 * in {@code ActivityService}.
 */
@Component
@Order(30)
class ActivitiesRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/activities/print.pdf").hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name())
                .requestMatchers(HttpMethod.GET, "/activities", "/activities/*", "/activities/*/calendar.ics",
                        "/activities/calendar/project/*", "/activities/calendar/track/*").permitAll()
                .requestMatchers("/admin/activities", "/admin/activities/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }
}
