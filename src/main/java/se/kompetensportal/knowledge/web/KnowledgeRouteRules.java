package se.kompetensportal.knowledge.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.security.RouteRules;

/**
 * The knowledge bank is open to all: its list, items, files and feed. Its items are written, reviewed and published by
 * administrators and the project's secretaries (the project scope is checked in {@code KnowledgeService}).
 */
@Component
@Order(40)
class KnowledgeRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/knowledge", "/knowledge/feed.atom", "/knowledge/*",
                        "/knowledge/*/files/*").permitAll()
                .requestMatchers("/admin/knowledge", "/admin/knowledge/**")
                .hasAnyRole(Role.ADMIN.name(), Role.SECRETARY.name());
    }
}
