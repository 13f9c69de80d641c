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
 * Signs a user in with e-mail address and password, throttled the way OWASP's authentication guidance recommends:
 * without a lock that anyone could set on someone else's account.
 * <ul>
 * <li>After {@value #PAIR_LIMIT} failures for one account <em>from one client address</em> within {@link #WINDOW},
 * that address may not try that account again until the window ends; the account's owner elsewhere is not affected.</li>
 * <li>After {@value #ADDRESS_LIMIT} failures from one address (any accounts) within the window, that address must wait
 * (password spraying).</li>
 * <li>Guessing one account from many addresses meets a growing wait instead of a lock: after
 * {@value #ACCOUNT_FREE} failures within the window, each further attempt must wait 1, 2, 4 … seconds (at most
 * {@link #ACCOUNT_MAX_WAIT}) after the previous failure. That holds an attack to a few guesses a minute while the
 * owner, at worst, waits a minute.</li>
 * </ul>
 * A throttled attempt is refused whether the password is right or not, and without checking it. A successful sign-in
 * clears the account's counters. Users without a password (link-only) cannot sign in this way.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final int PAIR_LIMIT = 5;
    static final int ADDRESS_LIMIT = 50;
    static final int ACCOUNT_FREE = 10;
    static final Duration ACCOUNT_MAX_WAIT = Duration.ofSeconds(60);
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
        String address = remoteAddress(authentication);
        String pairKey = "login:" + email + "|" + address;
        String accountKey = "login:" + email;
        String addressKey = "login-ip:" + address;
        if (limiter.isExhausted(pairKey, PAIR_LIMIT, WINDOW) || limiter.isExhausted(addressKey, ADDRESS_LIMIT, WINDOW)) {
            throw new LoginThrottledException("Too many failed logins");
        }
        if (!limiter.backoff(accountKey, ACCOUNT_FREE, WINDOW, ACCOUNT_MAX_WAIT).isZero()) {
            throw new LoginDelayedException("Failed logins for this account from many addresses: wait");
        }
        Optional<PortalUser> found = email.isEmpty() ? Optional.empty() : lookup.byEmail(email);
        String hash = found.map(PortalUser::getPassword).orElse(null);
        boolean matches = passwords.matches(password, hash == null ? dummyHash : hash) && hash != null;
        if (!matches) {
            limiter.hit(pairKey, PAIR_LIMIT, WINDOW);
            limiter.hit(accountKey, ACCOUNT_FREE, WINDOW);
            limiter.hit(addressKey, ADDRESS_LIMIT, WINDOW);
            throw new BadCredentialsException("Bad credentials");
        }
        PortalUser user = found.get();
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        limiter.reset(pairKey);
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
