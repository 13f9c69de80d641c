package se.kompetensportal.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout's "signed in" answers as Spring Security's isAuthenticated() does. */
class VisitorTest {

    private final Visitor visitor = new Visitor();

    @Test
    void onlyAnAuthenticatedNonAnonymousVisitorIsSignedIn() {
        var roles = AuthorityUtils.createAuthorityList("ROLE_PARTICIPANT");
        assertThat(visitor.signedIn(null)).isFalse();
        assertThat(visitor.signedIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isFalse();
        assertThat(visitor.signedIn(UsernamePasswordAuthenticationToken.unauthenticated("dana", "secret"))).isFalse();
        assertThat(visitor.signedIn(UsernamePasswordAuthenticationToken.authenticated("dana", null, roles))).isTrue();
        assertThat(visitor.signedIn(new RememberMeAuthenticationToken("key", "dana", roles))).isTrue();
    }
}
