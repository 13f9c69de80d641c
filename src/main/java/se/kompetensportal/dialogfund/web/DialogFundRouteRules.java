package se.kompetensportal.dialogfund.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * The dialog fund's routes. Its start page and the applicant's sign-in are public; applying is for applicants (who
 * see only their own applications, checked in the services); handling is for administrators and secretaries (of the
 * fund's project); review for steering-group members (whom the secretary made reviewers of the fund). An attachment
 * is fetched by all of these, and the service decides whether this user may have it.
 */
@Component
@Order(60)
class DialogFundRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/dialog-fund", "/dialog-fund/sign-in/sent").permitAll()
                .requestMatchers(HttpMethod.POST, "/dialog-fund/sign-in").permitAll()
                .requestMatchers(HttpMethod.GET, "/dialog-fund/attachments/*", "/dialog-fund/decision-letters/*")
                .hasAnyRole(Role.APPLICANT.name(), Role.ADMIN.name(), Role.SECRETARY.name(), Role.STEERING.name())
                .requestMatchers("/dialog-fund/my", "/dialog-fund/applications", "/dialog-fund/applications/**")
                .hasRole(Role.APPLICANT.name())
                .requestMatchers("/admin/dialog-fund", "/admin/dialog-fund/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name())
                .requestMatchers("/review/dialog-fund", "/review/dialog-fund/**")
                .hasRole(Role.STEERING.name());
    }
}
