package se.kompetensportal.accounts.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/** Login is open to all; user administration to administrators; one's own account to every signed-in user. */
@Component
@Order(10)
class AccountsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/login", "/login/link-sent", "/login/ott").permitAll()
                .requestMatchers(HttpMethod.POST, "/login", "/login/link", "/login/ott").permitAll()
                .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                .requestMatchers("/account", "/account/**").authenticated()
                .requestMatchers("/admin/users", "/admin/users/**").hasRole(Role.ADMIN.name());
    }
}
