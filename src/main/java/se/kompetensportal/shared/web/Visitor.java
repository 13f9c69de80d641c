package se.kompetensportal.shared.web;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The layout's one question a page, whether the visitor is signed in, as Spring Security's {@code isAuthenticated()}
 * answers it (authenticated and not anonymous; no authentication is "no"). A plain method call: the security
 * dialect's {@code #authorization.expression('isAuthenticated()')} looked up the expression handler, parsed the
 * expression and built an evaluation context on every page (about 2 % of a fresh catalogue page's CPU).
 */
@Component("visitor")
public class Visitor {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    public boolean signedIn(Authentication authentication) {
        return TRUST.isAuthenticated(authentication);
    }
}
