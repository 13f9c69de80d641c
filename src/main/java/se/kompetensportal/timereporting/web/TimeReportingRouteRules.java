package se.kompetensportal.timereporting.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * Time reporting: the confirmation page behind the single-use link is open (the token in the address is the
 * credential); "Min tid" is the participant's own (their person, checked in the service); a project's time page is for
 * administrators and the project's secretaries (the project is checked in the service). Declared before the projects
 * module's rules, which cover /admin/projects/** in general.
 */
@Component
@Order(15)
class TimeReportingRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/time/confirm/{token}", "/time/answered").permitAll()
                .requestMatchers(HttpMethod.POST, "/time/confirm/{token}", "/time/confirm/{token}/dispute").permitAll()
                .requestMatchers("/my/time", "/my/time/**").hasRole(Role.PARTICIPANT.name())
                .requestMatchers("/admin/projects/{id}/time", "/admin/projects/{id}/time/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }
}
