package se.kompetensportal.shared.web;

import jakarta.servlet.DispatcherType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.RouteRules;

/** Pages and resources anyone may fetch: start page, accessibility statement, static files, errors, health. */
@Component
@Order(0)
class PublicRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/accessibility", "/favicon.ico", "/robots.txt").permitAll()
                .requestMatchers(HttpMethod.GET, "/webjars/**", "/css/**", "/js/**", "/img/**", "/fonts/**").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
    }
}
