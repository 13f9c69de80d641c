package se.kompetensportal.accounts.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.domain.PendingSignUps;

/**
 * Finds the user a one-time login link was issued for; deactivated users are not found. Spring Security asks only after
 * the link's token was consumed, which proves the address is the user's: a self-service sign-up waiting for that proof
 * is carried out first (the account created, or the role added).
 */
@Component
class PortalUserDetailsService implements UserDetailsService {

    private final PortalUserLookup lookup;
    private final PendingSignUps pending;

    PortalUserDetailsService(PortalUserLookup lookup, PendingSignUps pending) {
        this.lookup = lookup;
        this.pending = pending;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        pending.complete(username);
        return lookup.byEmail(username).filter(u -> u.isEnabled())
                .orElseThrow(() -> new UsernameNotFoundException("No active user"));
    }
}
