package se.kompetensportal.participants.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * Sign-up pages: anyone may look and ask for a login link, signing up needs a login; "Mina aktiviteter" and "Mina
 * uppgifter" are for participants; the trainer's phone pages for trainers (only their own activities' sessions of today,
 * checked in the service); a sign-up's own page is reached through the secret link in its mails; sign-up
 * lists, attendance and the person register are for administrators and the project's secretaries (the project scope
 * is checked in the services). Declared before the activities module's rules, which cover /activities/** in general.
 */
@Component
@Order(25)
class ParticipantsRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        String[] staff = {Role.ADMIN.name(), Role.SECRETARY.name()};
        rules.requestMatchers(HttpMethod.GET, "/activities/{id}/sign-up").permitAll()
                .requestMatchers(HttpMethod.POST, "/activities/{id}/sign-up/link").permitAll()
                .requestMatchers(HttpMethod.POST, "/activities/{id}/sign-up").authenticated()
                .requestMatchers(HttpMethod.GET, "/sign-ups/{token}").permitAll()
                .requestMatchers(HttpMethod.POST, "/sign-ups/{token}/cancel").permitAll()
                .requestMatchers("/sign-ups/{token}/colleague").permitAll()
                .requestMatchers(HttpMethod.GET, "/offers/{token}").permitAll()
                .requestMatchers(HttpMethod.POST, "/offers/{token}/accept", "/offers/{token}/decline").permitAll()
                .requestMatchers(HttpMethod.GET, "/approvals/answered", "/approvals/{token}").permitAll()
                .requestMatchers(HttpMethod.POST, "/approvals/{token}/approve", "/approvals/{token}/decline").permitAll()
                .requestMatchers("/my/activities", "/my/activities/**", "/my/data", "/my/data/**")
                .hasRole(Role.PARTICIPANT.name())
                .requestMatchers("/trainer", "/trainer/**").hasRole(Role.TRAINER.name())
                .requestMatchers("/admin/people/duplicates").hasRole(Role.ADMIN.name())
                .requestMatchers("/admin/activities/{id}/sign-ups", "/admin/activities/{id}/sign-ups/**",
                        "/admin/activities/{id}/sessions/{sessionId}/attendance",
                        "/admin/activities/{id}/sessions/{sessionId}/attendance/**",
                        "/admin/activities/{id}/messages", "/admin/activities/{id}/messages/**",
                        "/admin/activities/{id}/sign-up-settings",
                        "/admin/activities/{id}/sign-up-questions", "/admin/activities/{id}/sign-up-questions/**",
                        "/admin/sign-ups/**", "/admin/people", "/admin/people/**").hasAnyRole(staff);
    }
}
