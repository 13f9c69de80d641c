package se.kompetensportal.accounts.security;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.DefaultGenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import se.kompetensportal.shared.security.RateLimiter;
import se.kompetensportal.shared.security.RouteRules;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The one security filter chain. Every module declares the rules for its own routes ({@link RouteRules}); a route no
 * module names is denied. Login is by password (throttled) or by a one-time e-mail link; CSRF protects every form;
 * the Content Security Policy allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<RouteRules> routeRules,
            PortalUserLookup lookup, PasswordEncoder passwords, RateLimiter limiter, PortalUserDetailsService users,
            OneTimeTokenService tokens, LoginLinks loginLinks, LocaleResolver locales,
            AuthenticationEventPublisher authenticationEvents, PortalProperties portal) throws Exception {
        // One explicit manager, without a parent: each login is checked once, by exactly these two providers.
        ProviderManager authenticationManager = new ProviderManager(
                new PasswordAuthenticationProvider(lookup, passwords, limiter),
                new OneTimeTokenAuthenticationProvider(tokens, users));
        authenticationManager.setAuthenticationEventPublisher(authenticationEvents);
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(rules -> {
            routeRules.orderedStream().forEach(r -> r.configure(rules));
            rules.anyRequest().denyAll();
        });
        http.csrf(csrf -> csrf.ignoringRequestMatchers(routeRules.orderedStream()
                .flatMap(r -> java.util.Arrays.stream(r.withoutCsrfToken()))
                .toArray(org.springframework.security.web.util.matcher.RequestMatcher[]::new)));
        http.formLogin(form -> form
                .loginPage("/login")
                .loginProcessingUrl("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler(new ContinueUrlSuccessHandler())
                .failureHandler(failureHandler()));
        http.oneTimeTokenLogin(ott -> ott
                .tokenService(tokens)
                .tokenGeneratingUrl("/login/link")
                .generateRequestResolver(linkRequestResolver())
                .tokenGenerationSuccessHandler(new LoginLinkRequestHandler(loginLinks, locales))
                .loginProcessingUrl("/login/ott")
                .showDefaultSubmitPage(false)
                .loginPage("/login")
                .successHandler(new ContinueUrlSuccessHandler())
                .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                        + "/login?linkExpired")));
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").deleteCookies("KPSESSION"));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // HSTS whenever the request came over HTTPS (directly, or through a proxy that says so in X-Forwarded-Proto),
        // and on every response when the portal's address is an https one.
        boolean httpsPortal = portal.baseUrl().startsWith("https://");
        http.headers(headers -> headers
                .httpStrictTransportSecurity(hsts -> hsts
                        .requestMatcher(request -> httpsPortal || request.isSecure())
                        .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), microphone=(), geolocation=()")));
        http.addFilterBefore(new CurrentUserRefreshFilter(lookup), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * No observation (timer, trace span) around each of the security chain's filters and authorisation decisions:
     * measured, they cost a fifth of a remembered catalogue page (docs/benchmarks.md); each request is still observed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OneTimeTokenService oneTimeTokenService(DataSource dataSource) {
        return new DatabaseOneTimeTokens(dataSource);
    }

    private static DefaultGenerateOneTimeTokenRequestResolver linkRequestResolver() {
        DefaultGenerateOneTimeTokenRequestResolver resolver = new DefaultGenerateOneTimeTokenRequestResolver();
        resolver.setExpiresIn(LoginLinks.VALID_FOR);
        return resolver;
    }

    private static ExceptionMappingAuthenticationFailureHandler failureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(
                LoginThrottledException.class.getName(), "/login?throttled",
                LoginDelayedException.class.getName(), "/login?wait",
                DisabledException.class.getName(), "/login?error"));
        return handler;
    }
}
