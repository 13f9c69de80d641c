package se.kompetensportal.accounts.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.RateLimiter;

/**
 * Signs a user in with e-mail address and password, throttled: after {@value #ACCOUNT_LIMIT} failures for one account,
 * or {@value #ADDRESS_LIMIT} from one address, within {@link #WINDOW}, further attempts are refused until the window
 * ends, whether the password is right or not. Users without a password (link-only) cannot sign in this way.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Compared against when the account does not exist, so that the answer takes as long as for one that does. */
    private final String dummyHash;

    private final PortalUserLookup lookup;
    private final PasswordEncoder passwords;
    private final RateLimiter limiter;

    PasswordAuthenticationProvider(PortalUserLookup lookup, PasswordEncoder passwords, RateLimiter limiter) {
        this.lookup = lookup;
        this.passwords = passwords;
        this.limiter = limiter;
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String accountKey = "login:" + email;
        String addressKey = "login-ip:" + remoteAddress(authentication);
        if (limiter.isExhausted(accountKey, ACCOUNT_LIMIT, WINDOW)
                || limiter.isExhausted(addressKey, ADDRESS_LIMIT, WINDOW)) {
            throw new LoginThrottledException("Too many failed logins");
        }
        Optional<PortalUser> found = email.isEmpty() ? Optional.empty() : lookup.byEmail(email);
        String hash = found.map(PortalUser::getPassword).orElse(null);
        boolean matches = passwords.matches(password, hash == null ? dummyHash : hash) && hash != null;
        if (!matches) {
            limiter.hit(accountKey, ACCOUNT_LIMIT, WINDOW);
            limiter.hit(addressKey, ADDRESS_LIMIT, WINDOW);
            throw new BadCredentialsException("Bad credentials");
        }
        PortalUser user = found.get();
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        limiter.reset(accountKey);
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
