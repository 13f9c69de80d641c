package se.kompetensportal.surveys.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * Surveys: anyone with a link from an invitation, or an open link, may answer (the secret token is the credential);
 * anyone may register interest. Results and the demand view are for administrators, the project's secretaries and its
 * steering group; everything else (templates, questions, recipients, texts, sending, paper answers, named responses,
 * the list of registrations) for administrators and secretaries. The project scope is checked in the services.
 */
@Component
@Order(50)
class SurveysRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/evaluations/answer/{token}", "/evaluations/thanks",
                        "/surveys/open/{token}", "/interest", "/interest/thanks").permitAll()
                .requestMatchers(HttpMethod.POST, "/evaluations/answer/{token}", "/surveys/open/{token}", "/interest")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/admin/evaluations/results", "/admin/evaluations/results.xlsx",
                        "/admin/evaluations/results.pdf", "/admin/evaluations/{id}/results",
                        "/admin/evaluations/{id}/results.xlsx", "/admin/evaluations/{id}/results.pdf",
                        "/admin/surveys/{id}/results", "/admin/surveys/{id}/results.xlsx",
                        "/admin/surveys/{id}/results.pdf", "/admin/surveys/demand", "/admin/surveys/demand.xlsx",
                        "/admin/surveys/demand.pdf")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name(), Role.STEERING.name())
                .requestMatchers("/admin/evaluations", "/admin/evaluations/**", "/admin/surveys", "/admin/surveys/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name())
                // A participant's own evaluation from the start page (the service checks the invitation is theirs).
                .requestMatchers(HttpMethod.GET, "/my/evaluations/{invitationId}").hasRole(Role.PARTICIPANT.name());
    }
}
