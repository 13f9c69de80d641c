package se.kompetensportal.newsletter.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * Anyone may subscribe, confirm and unsubscribe (by the secret links in the mails, without login) and read the archive
 * of sent issues; a signed-in user of any role manages their own subscriptions; issues are written and sent by
 * administrators and the project's secretaries (the project scope is checked in {@code IssueService}). The one-click
 * unsubscribe POST (RFC 8058) comes from mail programs and carries no CSRF token: the secret in its address is what
 * authorises it.
 */
@Component
@Order(40)
class NewsletterRouteRules implements RouteRules {

    static final String UNSUBSCRIBE = "/newsletter/unsubscribe/*";

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/newsletter/subscribe", "/newsletter/confirm/*", UNSUBSCRIBE,
                        "/projects/*/newsletters/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/newsletter/subscribe", "/newsletter/confirm/*", UNSUBSCRIBE)
                .permitAll()
                .requestMatchers("/my/newsletters", "/my/newsletters/**").authenticated()
                .requestMatchers("/admin/newsletters", "/admin/newsletters/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }

    @Override
    public RequestMatcher[] withoutCsrfToken() {
        return new RequestMatcher[] {PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, UNSUBSCRIBE)};
    }
}
