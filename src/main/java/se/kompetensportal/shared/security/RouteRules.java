package se.kompetensportal.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A module's authorization rules for the routes it serves. Every module that has controllers declares one bean of
 * this type next to them; the single security filter chain applies all of them and denies every route no module
 * names. Rules name roles explicitly (no hierarchy), so a reader sees who may use a route where it is declared.
 */
@FunctionalInterface
public interface RouteRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

    /**
     * Requests of the module's routes that need no CSRF token because a secret in their address is what authorises
     * them, and the mail programs that send them cannot have one: such as the one-click unsubscribe POST of RFC 8058.
     * None by default.
     */
    default RequestMatcher[] withoutCsrfToken() {
        return new RequestMatcher[0];
    }
}
